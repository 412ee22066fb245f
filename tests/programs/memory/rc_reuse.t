// rc-reuse (docs/midend.md): a class object replaced by a new one built from it reuses the
// old one's memory when the old one's last reference goes — the allocation count shows it
// (std::mem::stats), and a Drop impl still runs exactly when the program drops the old value.
// A weak reference, a second strong reference or another type keep the old memory apart.

class State { step: i64, total: i64, name: String }

class Noisy { id: i64 }
impl Drop for Noisy {
    fn drop(&mut self) { println("drop noisy {}", self.id); }
}

class Other { step: i64, total: i64, name: String }

fn allocations() -> u64 { std::mem::stats().allocations }

fn main() {
    let n = 1000 + std::env::arg_count() as i64 - 1;

    // Replaced in place, a thousand times: no allocation per step.
    let mut s = State { step: 0, total: 0, name: String::from("state") };
    let before = allocations();
    for i in 0..n {
        s = State { step: s.step + 1, total: (s.total + i) % 1000003, name: s.name };
    }
    let during = allocations() - before;
    println("{} {} {} (allocations while stepping: {})", s.step, s.total, s.name, if during < 10 { "few" } else { "one per step" });

    // Another reference keeps the old object: it must stay intact.
    let mut t = State { step: 0, total: 0, name: String::from("kept") };
    let kept = t;
    t = State { step: t.step + 5, total: 7, name: t.name };
    println("kept {} {} {}, new {} {} {}", kept.step, kept.total, kept.name, t.step, t.total, t.name);

    // A weak reference to the old object sees it die, not turn into the new one.
    let mut w = State { step: 1, total: 1, name: String::from("weak") };
    let weak = Weak::from(w);
    w = State { step: w.step + 1, total: 2, name: w.name };
    println("weak upgrade after replacement: {}", weak.upgrade().is_some());
    println("new {} {}", w.step, w.total);

    // Drops still run when the old value goes: before the replacement is stored.
    let mut holder = Noisy { id: 1 };
    for i in 2..5 {
        holder = Noisy { id: holder.id * 10 + i };
        println("now {}", holder.id);
    }

    // A different type of the same size: no reuse across types.
    let mut o = Other { step: 1, total: 2, name: String::from("other") };
    let st = State { step: o.step, total: o.total, name: o.name };
    o = Other { step: 9, total: 9, name: String::from("fresh") };
    println("{} {} {} / {} {}", st.step, st.total, st.name, o.step, o.name);
}
