// A JSON-like document stored as a tree in fixed arrays: each item holds an enum
// value and the indices of its first child and next sibling. The program prints it
// pretty (indentation through format width specs) and compact, and gathers stats.

const CAP: usize = 40;
const NONE: usize = 9999;

enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Num(f64),
    Text(String),
    List,
    Object,
}

struct Item {
    key: String,
    keyed: bool,
    value: Value,
    first: usize,
    last: usize,
    next: usize,
}

struct Doc {
    items: [Item; CAP],
    len: usize,
}

struct Stats {
    scalars: i64,
    containers: i64,
    int_sum: i64,
    num_sum: f64,
    deepest: i64,
    text_count: i64,
}

impl Doc {
    fn new(root: Value) -> Doc {
        let blank = Item { key: "", keyed: false, value: Value::Null, first: NONE, last: NONE, next: NONE };
        let mut d = Doc { items: [blank; CAP], len: 1 };
        d.items[0].value = root;
        d
    }

    fn attach(&mut self, parent: usize, key: String, keyed: bool, value: Value) -> usize {
        let at = self.len;
        if at == CAP {
            panic("document full");
        }
        self.len += 1;
        self.items[at] = Item { key, keyed, value, first: NONE, last: NONE, next: NONE };
        let last = self.items[parent].last;
        if last == NONE {
            self.items[parent].first = at;
        } else {
            self.items[last].next = at;
        }
        self.items[parent].last = at;
        at
    }

    fn field(&mut self, parent: usize, key: String, value: Value) -> usize {
        self.attach(parent, key, true, value)
    }

    fn element(&mut self, parent: usize, value: Value) -> usize {
        self.attach(parent, "", false, value)
    }

    fn children(&self, at: usize) -> i64 {
        let mut n = 0;
        let mut c = self.items[at].first;
        while c != NONE {
            n += 1;
            c = self.items[c].next;
        }
        n
    }
}

fn indent(level: i64) {
    match level {
        0 => {}
        1 => print("{:2}", ""),
        2 => print("{:4}", ""),
        3 => print("{:6}", ""),
        4 => print("{:8}", ""),
        _ => print("{:>10}", "|"),
    }
}

fn scalar(v: Value) {
    match v {
        Value::Null => print("null"),
        Value::Bool(b) => print("{}", b),
        Value::Int(i) => print("{}", i),
        Value::Num(x) => print("{:?}", x),
        Value::Text(s) => print("{:?}", s),
        Value::List | Value::Object => print("?"),
    }
}

fn pretty(d: &Doc, at: usize, level: i64) {
    let item = d.items[at];
    indent(level);
    if item.keyed {
        print("{:?}: ", item.key);
    }
    let (open, close) = match item.value {
        Value::List => ('[', ']'),
        Value::Object => ('{', '}'),
        other => {
            scalar(other);
            return;
        }
    };
    if item.first == NONE {
        print("{}{}", open, close);
        return;
    }
    println("{}", open);
    let mut c = item.first;
    while c != NONE {
        pretty(&d, c, level + 1);
        c = d.items[c].next;
        if c != NONE { print(","); }
        println();
    }
    indent(level);
    print("{}", close);
}

fn compact(d: &Doc, at: usize) {
    let item = d.items[at];
    if item.keyed {
        print("{:?}:", item.key);
    }
    match item.value {
        Value::List | Value::Object => {
            let is_list = match item.value { Value::List => true, _ => false };
            print("{}", if is_list { "[" } else { "{" });
            let mut c = item.first;
            let mut first = true;
            while c != NONE {
                if !first { print(","); }
                first = false;
                compact(&d, c);
                c = d.items[c].next;
            }
            print("{}", if is_list { "]" } else { "}" });
        }
        v => scalar(v),
    }
}

fn gather(d: &Doc, at: usize, level: i64, s: &mut Stats) {
    if level > s.deepest { s.deepest = level; }
    match d.items[at].value {
        Value::List | Value::Object => s.containers += 1,
        Value::Int(i) => { s.scalars += 1; s.int_sum += i; }
        Value::Num(x) => { s.scalars += 1; s.num_sum += x; }
        Value::Text(_) => { s.scalars += 1; s.text_count += 1; }
        _ => s.scalars += 1,
    }
    let mut c = d.items[at].first;
    while c != NONE {
        gather(&d, c, level + 1, &mut s);
        c = d.items[c].next;
    }
}

fn main() {
    let mut d = Doc::new(Value::Object);
    d.field(0, "name", Value::Text("widget \"pro\""));
    d.field(0, "id", Value::Int(40213));
    d.field(0, "price", Value::Num(19.5));
    d.field(0, "discontinued", Value::Bool(false));
    d.field(0, "notes", Value::Null);
    let tags = d.field(0, "tags", Value::List);
    d.element(tags, Value::Text("tools"));
    d.element(tags, Value::Text("café"));
    d.element(tags, Value::Text("tab\there"));
    let dims = d.field(0, "dimensions", Value::Object);
    d.field(dims, "w", Value::Num(2.0));
    d.field(dims, "h", Value::Num(0.125));
    d.field(dims, "scale", Value::Num(1e20));
    let stock = d.field(0, "stock", Value::List);
    let mut qty: i64 = 7;
    for site in 0..3 {
        let entry = d.element(stock, Value::Object);
        d.field(entry, "site", Value::Int(site + 1));
        d.field(entry, "qty", Value::Int(qty));
        qty = qty * 3 - 5;
        let hist = d.field(entry, "history", Value::List);
        for k in 0..site {
            d.element(hist, Value::Int(k * 10 - 5));
        }
    }
    d.field(0, "empty", Value::Object);
    let deep = d.field(0, "nest", Value::List);
    let l2 = d.element(deep, Value::List);
    let l3 = d.element(l2, Value::List);
    let l4 = d.element(l3, Value::List);
    d.element(l4, Value::Num(-0.5));

    pretty(&d, 0, 0);
    println();
    compact(&d, 0);
    println();

    let mut s = Stats { scalars: 0, containers: 0, int_sum: 0, num_sum: 0.0, deepest: 0, text_count: 0 };
    gather(&d, 0, 0, &mut s);
    println("items {} (scalars {}, containers {}, texts {})", d.len, s.scalars, s.containers, s.text_count);
    println("int sum {}, number sum {:e}, deepest level {}", s.int_sum, s.num_sum, s.deepest);
    println("root has {} fields; stock has {} entries", d.children(0), d.children(stock));
}
