// The standard collections beyond `Vec` (`std::collections`): Stack, Queue, BinaryHeap,
// HashMap, HashSet, BTreeMap and BTreeSet. Part of the prelude module (Prelude.java
// appends this file to prelude.t). Like `Vec`, every collection is a value: a copy
// shares the buffer (the tree's nodes, for the B-trees) until one of the copies changes
// (copy-on-write). Then `std::mem::Pool` (fixed slots, generational keys; a value too)
// and `std::mem::Arena` (bump allocation; a handle to one arena, with identity).

// ---- Stack ----

/** A last-in, first-out stack, on a `Vec`: `push`, `pop` and `peek` at the top. */
pub struct Stack<T> { items: Vec<T> }

impl<T> Stack<T> {
    pub fn new() -> Stack<T> { Stack { items: Vec::new() } }
    pub fn with_capacity(capacity: usize) -> Stack<T> { Stack { items: Vec::with_capacity(capacity) } }
    /** Puts `value` on top (amortized constant time). */
    pub fn push(&mut self, value: T) { self.items.push(value); }
    /** Takes the top element off, or `None` when empty. */
    pub fn pop(&mut self) -> Option<T> { self.items.pop() }
    /** The top element (a copy), or `None` when empty. */
    pub fn peek(&self) -> Option<T> { self.items.last() }
    pub fn len(&self) -> usize { self.items.len() }
    pub fn is_empty(&self) -> bool { self.items.is_empty() }
    pub fn clear(&mut self) { self.items.clear(); }
    /** Pushes every element the iterator yields, in order. */
    pub fn extend<I: Iterator<Item = T>>(&mut self, items: I) { self.items.extend(items); }
    /** The elements from the bottom to the top (`.rev()` for top first). */
    pub fn iter(&self) -> VecIter<T> { self.items.iter() }
    /** The elements as a vector, bottom first. */
    pub fn to_vec(&self) -> Vec<T> { self.items }
}

impl<T: PartialEq> Stack<T> {
    pub fn contains(&self, value: &T) -> bool { self.items.contains(&value) }
}

impl<T> Clone for Stack<T> { fn clone(&self) -> Stack<T> { Stack { items: self.items } } }
impl<T> Default for Stack<T> { fn default() -> Stack<T> { Stack::new() } }
impl<T: PartialEq> PartialEq for Stack<T> { fn eq(&self, other: &Stack<T>) -> bool { self.items == other.items } }
impl<T: Eq> Eq for Stack<T> {}
impl<T: Debug> Debug for Stack<T> { fn fmt(&self, f: &mut Formatter) { debug_seq::<T, VecIter<T>>(&mut f, "[", "]", self.items.iter()) } }

impl<T> IntoIterator for Stack<T> {
    type Item = T;
    type IntoIter = VecIter<T>;
    fn into_iter(self) -> VecIter<T> { self.items.iter() }
}

impl<T> FromIterator<T> for Stack<T> {
    /** Pushes the items in order: the last one ends on top. */
    fn from_iter<I: Iterator<Item = T>>(iter: I) -> Stack<T> { Stack { items: Vec::from_iter(iter) } }
}

// ---- Queue ----

/**
 * The ring buffer behind a `Queue`: `len` values starting at slot `head` of `cap`,
 * wrapping around past the end.
 */
class QueueBuffer<T> { data: *mut T, head: usize, len: usize, cap: usize }

impl<T> QueueBuffer<T> {
    /** Where the `i`-th element (from the front) lives. */
    fn slot(&self, i: usize) -> *mut T {
        let k = self.head + i;
        unsafe { if k >= self.cap { self.data.add(k - self.cap) } else { self.data.add(k) } }
    }
}

impl<T> Drop for QueueBuffer<T> {
    fn drop(&mut self) {
        unsafe {
            let mut i: usize = 0;
            while i < self.len {
                std::ptr::drop_in_place(self.slot(i));
                i += 1;
            }
            if !self.data.is_null() { std::ptr::free(self.data); }
        }
    }
}

/**
 * A double-ended queue (Rust's `VecDeque`): a growable ring buffer, with amortized
 * constant-time `push_back`, `push_front`, `pop_front` and `pop_back`.
 */
pub struct Queue<T> { buf: QueueBuffer<T> }

impl<T> Queue<T> {
    pub fn new() -> Queue<T> { Queue { buf: QueueBuffer { data: std::ptr::null(), head: 0, len: 0, cap: 0 } } }

    pub fn with_capacity(capacity: usize) -> Queue<T> {
        let data = if capacity == 0 { std::ptr::null() } else { unsafe { std::ptr::alloc(capacity) } };
        Queue { buf: QueueBuffer { data, head: 0, len: 0, cap: capacity } }
    }

    pub fn len(&self) -> usize { self.buf.len }
    pub fn is_empty(&self) -> bool { self.buf.len == 0 }
    pub fn capacity(&self) -> usize { self.buf.cap }

    /**
     * Moves (or, from a shared buffer, copies) the elements into a fresh block of
     * `cap` slots, the front at slot 0.
     */
    fn relocate(&mut self, cap: usize) {
        let n = self.buf.len;
        let data: *mut T = if cap == 0 { std::ptr::null() } else { unsafe { std::ptr::alloc(cap) } };
        if std::rc::is_unique(&self.buf) {
            unsafe {
                let mut i: usize = 0;
                while i < n {
                    data.add(i).write(self.buf.slot(i).take());
                    i += 1;
                }
                if !self.buf.data.is_null() { std::ptr::free(self.buf.data); }
            }
            self.buf.data = data;
            self.buf.head = 0;
            self.buf.cap = cap;
        } else {
            unsafe {
                let mut i: usize = 0;
                while i < n {
                    data.add(i).write(self.buf.slot(i).read());
                    i += 1;
                }
            }
            self.buf = QueueBuffer { data, head: 0, len: n, cap };
        }
    }

    /** Makes the buffer this queue's own, with room for `additional` more elements. */
    fn make_room(&mut self, additional: usize) {
        let needed = self.buf.len + additional;
        let unique = std::rc::is_unique(&self.buf);
        if unique && needed <= self.buf.cap { return; }
        let mut cap = self.buf.cap;
        if needed > cap {
            cap = if cap == 0 { 4 } else { cap * 2 };
            if cap < needed { cap = needed; }
        }
        self.relocate(cap);
    }

    fn make_unique(&mut self) { self.make_room(0); }

    /** Room for at least `additional` more elements. */
    pub fn reserve(&mut self, additional: usize) { self.make_room(additional); }

    /** Appends `value` at the back. */
    pub fn push_back(&mut self, value: T) {
        self.make_room(1);
        unsafe { self.buf.slot(self.buf.len).write(value); }
        self.buf.len += 1;
    }

    /** Puts `value` in front of the first element. */
    pub fn push_front(&mut self, value: T) {
        self.make_room(1);
        self.buf.head = if self.buf.head == 0 { self.buf.cap - 1 } else { self.buf.head - 1 };
        unsafe { self.buf.data.add(self.buf.head).write(value); }
        self.buf.len += 1;
    }

    /** Removes the first element and returns it, or `None` when empty. */
    pub fn pop_front(&mut self) -> Option<T> {
        if self.buf.len == 0 { return None; }
        self.make_unique();
        let value = unsafe { self.buf.data.add(self.buf.head).take() };
        self.buf.head = if self.buf.head + 1 == self.buf.cap { 0 } else { self.buf.head + 1 };
        self.buf.len -= 1;
        Some(value)
    }

    /** Removes the last element and returns it, or `None` when empty. */
    pub fn pop_back(&mut self) -> Option<T> {
        if self.buf.len == 0 { return None; }
        self.make_unique();
        self.buf.len -= 1;
        unsafe { Some(self.buf.slot(self.buf.len).take()) }
    }

    /** The element `index` places from the front (a copy), or `None` past the end. */
    pub fn get(&self, index: usize) -> Option<T> {
        if index >= self.buf.len { return None; }
        unsafe { Some(self.buf.slot(index).read()) }
    }

    pub fn front(&self) -> Option<T> { self.get(0) }

    pub fn back(&self) -> Option<T> {
        if self.buf.len == 0 { None } else { self.get(self.buf.len - 1) }
    }

    /** Replaces the element `index` places from the front (panics past the end). */
    #[track_caller]
    pub fn set(&mut self, index: usize, value: T) {
        if index >= self.buf.len { panic("index out of bounds: the len is {} but the index is {}", self.buf.len, index); }
        self.make_unique();
        unsafe {
            let slot = self.buf.slot(index);
            std::ptr::drop_in_place(slot);
            slot.write(value);
        }
    }

    /** Removes every element. */
    pub fn clear(&mut self) {
        if self.buf.len == 0 { return; }
        if std::rc::is_unique(&self.buf) {
            unsafe {
                while self.buf.len > 0 {
                    self.buf.len -= 1;
                    std::ptr::drop_in_place(self.buf.slot(self.buf.len));
                }
            }
            self.buf.head = 0;
        } else {
            self.buf = QueueBuffer { data: std::ptr::null(), head: 0, len: 0, cap: 0 };
        }
    }

    /** Appends every element the iterator yields. */
    pub fn extend<I: Iterator<Item = T>>(&mut self, mut items: I) {
        while let Some(x) = items.next() { self.push_back(x); }
    }

    /** The elements front to back (`.rev()` for back to front), from a copy of the queue. */
    pub fn iter(&self) -> QueueIter<T> { QueueIter { queue: Queue { buf: self.buf }, front: 0, back: self.buf.len } }

    /** The elements as a vector, front first. */
    pub fn to_vec(&self) -> Vec<T> { Vec::from_iter(self.iter()) }
}

impl<T: PartialEq> Queue<T> {
    pub fn contains(&self, value: &T) -> bool {
        let mut i: usize = 0;
        while i < self.buf.len {
            if unsafe { self.buf.slot(i).read() } == value { return true; }
            i += 1;
        }
        false
    }
}

/** Iterates over a queue, from either end (over a copy: later changes are not seen). */
pub struct QueueIter<T> { queue: Queue<T>, front: usize, back: usize }

impl<T> Iterator for QueueIter<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        if self.front >= self.back { return None; }
        self.front += 1;
        unsafe { Some(self.queue.buf.slot(self.front - 1).read()) }
    }
}

impl<T> DoubleEndedIterator for QueueIter<T> {
    fn next_back(&mut self) -> Option<T> {
        if self.front >= self.back { return None; }
        self.back -= 1;
        unsafe { Some(self.queue.buf.slot(self.back).read()) }
    }
}

impl<T> IntoIterator for Queue<T> {
    type Item = T;
    type IntoIter = QueueIter<T>;
    fn into_iter(self) -> QueueIter<T> { self.iter() }
}

impl<T> FromIterator<T> for Queue<T> {
    fn from_iter<I: Iterator<Item = T>>(mut iter: I) -> Queue<T> {
        let mut q = Queue::new();
        while let Some(x) = iter.next() { q.push_back(x); }
        q
    }
}

impl<T> Index<usize> for Queue<T> {
    type Output = T;
    #[track_caller]
    fn index(&self, i: usize) -> T {
        if i >= self.buf.len { panic("index out of bounds: the len is {} but the index is {}", self.buf.len, i); }
        unsafe { self.buf.slot(i).read() }
    }
}

impl<T> IndexMut<usize> for Queue<T> {
    fn index_set(&mut self, i: usize, value: T) { self.set(i, value); }
}

impl<T> Clone for Queue<T> { fn clone(&self) -> Queue<T> { Queue { buf: self.buf } } }
impl<T> Default for Queue<T> { fn default() -> Queue<T> { Queue::new() } }

impl<T: PartialEq> PartialEq for Queue<T> {
    fn eq(&self, other: &Queue<T>) -> bool {
        if self.len() != other.len() { return false; }
        let mut i: usize = 0;
        while i < self.len() {
            if self[i] != other[i] { return false; }
            i += 1;
        }
        true
    }
}

impl<T: Eq> Eq for Queue<T> {}
impl<T: Debug> Debug for Queue<T> { fn fmt(&self, f: &mut Formatter) { debug_seq::<T, QueueIter<T>>(&mut f, "[", "]", self.iter()) } }

// ---- BinaryHeap ----

/**
 * A priority queue: `pop` gives the greatest element (a max-heap; wrap the elements in
 * `Reverse` for the least). `push` and `pop` take O(log n), `peek` O(1).
 */
pub struct BinaryHeap<T> { data: Vec<T> }

impl<T: Ord> BinaryHeap<T> {
    pub fn new() -> BinaryHeap<T> { BinaryHeap { data: Vec::new() } }
    pub fn with_capacity(capacity: usize) -> BinaryHeap<T> { BinaryHeap { data: Vec::with_capacity(capacity) } }

    /** A heap of the vector's elements (O(n)). */
    pub fn from_vec(items: Vec<T>) -> BinaryHeap<T> {
        let mut heap = BinaryHeap { data: items };
        let n = heap.data.len();
        if n > 1 {
            heap.data.make_unique();
            let mut i = n / 2;
            while i > 0 {
                i -= 1;
                heap.sift_down(i, n);
            }
        }
        heap
    }

    pub fn len(&self) -> usize { self.data.len() }
    pub fn is_empty(&self) -> bool { self.data.is_empty() }
    pub fn clear(&mut self) { self.data.clear(); }

    /** The greatest element (a copy), or `None` when empty. */
    pub fn peek(&self) -> Option<T> { self.data.first() }

    /** Adds `value`. */
    pub fn push(&mut self, value: T) {
        self.data.push(value);
        self.sift_up(self.data.len() - 1);
    }

    /** Removes the greatest element and returns it, or `None` when empty. */
    pub fn pop(&mut self) -> Option<T> {
        let n = self.data.len();
        if n == 0 { return None; }
        self.data.make_unique();
        self.swap_slots(0, n - 1);
        let top = self.data.pop();
        self.sift_down(0, n - 1);
        top
    }

    fn at(&self, i: usize) -> T { unsafe { self.data.buf.data.add(i).read() } }

    fn swap_slots(&mut self, a: usize, b: usize) {
        unsafe {
            let p = self.data.buf.data;
            let x = p.add(a).take();
            p.add(a).write(p.add(b).take());
            p.add(b).write(x);
        }
    }

    // The buffer is unique when these run; comparisons come before each swap, so a
    // panicking `cmp` leaves every element in place.
    fn sift_up(&mut self, mut i: usize) {
        while i > 0 {
            let parent = (i - 1) / 2;
            if self.at(i) <= self.at(parent) { return; }
            self.swap_slots(i, parent);
            i = parent;
        }
    }

    fn sift_down(&mut self, mut i: usize, n: usize) {
        loop {
            let left = 2 * i + 1;
            if left >= n { return; }
            let mut child = left;
            if left + 1 < n && self.at(left + 1) > self.at(left) { child = left + 1; }
            if self.at(child) <= self.at(i) { return; }
            self.swap_slots(i, child);
            i = child;
        }
    }

    /** The elements in ascending order. */
    pub fn into_sorted_vec(self) -> Vec<T> {
        let mut v = self.data;
        v.sort();
        v
    }

    /** The elements in the heap's order (unspecified). */
    pub fn into_vec(self) -> Vec<T> { self.data }

    /** The elements in the heap's order (unspecified), from a copy of the heap. */
    pub fn iter(&self) -> VecIter<T> { self.data.iter() }

    /** Adds every element the iterator yields. */
    pub fn extend<I: Iterator<Item = T>>(&mut self, mut items: I) {
        while let Some(x) = items.next() { self.push(x); }
    }
}

impl<T> Clone for BinaryHeap<T> { fn clone(&self) -> BinaryHeap<T> { BinaryHeap { data: self.data } } }
impl<T: Ord> Default for BinaryHeap<T> { fn default() -> BinaryHeap<T> { BinaryHeap::new() } }
impl<T: Debug> Debug for BinaryHeap<T> { fn fmt(&self, f: &mut Formatter) { debug_seq::<T, VecIter<T>>(&mut f, "[", "]", self.data.iter()) } }

impl<T: Ord> FromIterator<T> for BinaryHeap<T> {
    fn from_iter<I: Iterator<Item = T>>(iter: I) -> BinaryHeap<T> { BinaryHeap::from_vec(Vec::from_iter(iter)) }
}

impl<T> IntoIterator for BinaryHeap<T> {
    type Item = T;
    type IntoIter = VecIter<T>;
    fn into_iter(self) -> VecIter<T> { self.data.iter() }
}

// ---- HashMap ----

/**
 * One slot of a `HashTable`: the entry's hash, key and value side by side, so a probe
 * that finds its key touches one cache line (hashes, keys and values in three arrays
 * cost up to three misses). The table never reads or writes a whole slot: it works on
 * the fields through the addresses `HashTable::key_at` and `value_at` compute, and the
 * slot type gives the allocation its size and `add` its stride.
 */
struct HashSlot<K, V> { hash: u64, key: K, value: V }

/**
 * The distance from `p` to `p.add(1)`: the size of a `T` as an array element. `p` must
 * point into a block (null would do too, but the arithmetic is on a real address so
 * that nothing looks out of bounds); the optimizer folds the difference to a constant.
 */
fn hash_stride<T>(p: *mut T) -> usize { unsafe { (p.add(1) as usize).wrapping_sub(p as usize) } }

/** The alignment of a `T`: in a `(u8, T)` the `T` starts at its alignment (abi.md "Values"). */
fn hash_align<T>(p: *mut T) -> usize { hash_stride(p as *mut (u8, T)).wrapping_sub(hash_stride(p)) }

/**
 * The table behind a `HashMap`: `cap` slots (a power of two, or 0), each empty (hash 0)
 * or holding a key, its value and its hash (top bit set). Robin Hood linear probing:
 * an entry never sits further from its home slot than the entries it passed, so a
 * search stops early, and a removal shifts the following entries back (no tombstones).
 * A slot's key and value are initialized exactly when its hash is not 0.
 */
class HashTable<K, V> { slots: *mut HashSlot<K, V>, len: usize, cap: usize }

impl<K, V> HashTable<K, V> {
    fn empty() -> HashTable<K, V> { HashTable { slots: std::ptr::null(), len: 0, cap: 0 } }

    fn with_slots(cap: usize) -> HashTable<K, V> {
        if cap == 0 { return HashTable::empty(); }
        let t: HashTable<K, V> = HashTable { slots: unsafe { std::ptr::alloc(cap) }, len: 0, cap };
        let mut i: usize = 0;
        while i < cap {
            t.set_hash(i, 0);
            i += 1;
        }
        t
    }

    // Slot fields by address. A struct's fields are laid out in declaration order at
    // their natural alignment (abi.md "Values"), so in a `HashSlot` the hash is at 0,
    // the key at the first multiple of its alignment from 8, the value right after the
    // key at a multiple of its own. Only for a table with slots (`cap > 0`).

    fn key_offset(&self) -> usize {
        let a = hash_align(self.slots as *mut K);
        if a > 8 { a } else { 8 }
    }

    fn value_offset(&self) -> usize {
        let a = hash_align(self.slots as *mut V);
        let end = self.key_offset() + hash_stride(self.slots as *mut K);
        (end + a - 1) / a * a
    }

    /** Slot `i`'s hash (0: empty). */
    fn hash(&self, i: usize) -> u64 { unsafe { (self.slots.add(i) as *mut u64).read() } }

    fn set_hash(&self, i: usize, h: u64) { unsafe { (self.slots.add(i) as *mut u64).write(h); } }

    /** The address of slot `i`'s key. */
    fn key_at(&self, i: usize) -> *mut K {
        unsafe { (self.slots.add(i) as *mut u8).add(self.key_offset()) as *mut K }
    }

    /** The address of slot `i`'s value. */
    fn value_at(&self, i: usize) -> *mut V {
        unsafe { (self.slots.add(i) as *mut u8).add(self.value_offset()) as *mut V }
    }

    /** Puts an entry whose key is not in the table into it (there must be room). */
    fn place(&self, hash: u64, key: K, value: V) {
        let mask = self.cap - 1;
        let mut i = (hash as usize) & mask;
        let mut dist: usize = 0;
        let mut h = hash;
        let mut k = key;
        let mut v = value;
        unsafe {
            loop {
                let s = self.hash(i);
                if s == 0 {
                    self.set_hash(i, h);
                    self.key_at(i).write(move k);
                    self.value_at(i).write(move v);
                    self.len += 1;
                    return;
                }
                let resident = i.wrapping_sub(s as usize) & mask;
                if resident < dist {
                    // Robin Hood: the entry further from home takes the slot.
                    self.set_hash(i, h);
                    h = s;
                    let rk = self.key_at(i).take();
                    self.key_at(i).write(move k);
                    k = rk;
                    let rv = self.value_at(i).take();
                    self.value_at(i).write(move v);
                    v = rv;
                    dist = resident;
                }
                i = (i + 1) & mask;
                dist += 1;
            }
        }
    }

    /** Empties slot `i`, shifting the entries after it back; returns its key and value. */
    fn take_slot(&self, slot: usize) -> (K, V) {
        let mask = self.cap - 1;
        unsafe {
            let key = self.key_at(slot).take();
            let value = self.value_at(slot).take();
            let mut i = slot;
            loop {
                let next = (i + 1) & mask;
                let s = self.hash(next);
                if s == 0 || (next.wrapping_sub(s as usize) & mask) == 0 { break; }
                self.set_hash(i, s);
                self.key_at(i).write(self.key_at(next).take());
                self.value_at(i).write(self.value_at(next).take());
                i = next;
            }
            self.set_hash(i, 0);
            self.len -= 1;
            (key, value)
        }
    }

    /** The first occupied slot at or after `from`, or `cap`. */
    fn next_occupied(&self, from: usize) -> usize {
        let mut i = from;
        while i < self.cap && self.hash(i) == 0 { i += 1; }
        i
    }
}

impl<K, V> Drop for HashTable<K, V> {
    fn drop(&mut self) {
        unsafe {
            let mut i: usize = 0;
            while i < self.cap {
                if self.hash(i) != 0 {
                    std::ptr::drop_in_place(self.key_at(i));
                    std::ptr::drop_in_place(self.value_at(i));
                }
                i += 1;
            }
            if !self.slots.is_null() { std::ptr::free(self.slots); }
        }
    }
}

/**
 * A hash map from keys `K` (`Hash + Eq`) to values `V`, hashed with SipHash-1-3.
 * Lookups, insertions and removals take expected constant time. `new` draws the keys of
 * the hash at random (random per process, and different for every map, so iteration
 * order changes from run to run and inputs cannot be chosen to collide); `with_keys`
 * fixes them, for a reproducible order.
 */
pub struct HashMap<K, V> { table: HashTable<K, V>, k0: u64, k1: u64 }

impl<K: Hash + Eq, V> HashMap<K, V> {
    pub fn new() -> HashMap<K, V> {
        let (k0, k1) = std::hash::random_keys();
        HashMap::with_keys(k0, k1)
    }

    /** An empty map whose hashes use the SipHash keys `k0` and `k1`. */
    pub fn with_keys(k0: u64, k1: u64) -> HashMap<K, V> { HashMap { table: HashTable::empty(), k0, k1 } }

    /** An empty map with room for `capacity` entries before it grows. */
    pub fn with_capacity(capacity: usize) -> HashMap<K, V> {
        let mut m = HashMap::new();
        m.reserve(capacity);
        m
    }

    pub fn len(&self) -> usize { self.table.len }
    pub fn is_empty(&self) -> bool { self.table.len == 0 }
    /** How many entries fit before the table grows. */
    pub fn capacity(&self) -> usize { self.table.cap / 8 * 7 }

    fn hash_of(&self, key: &K) -> u64 {
        let mut h = Hasher::with_keys(self.k0, self.k1);
        key.hash(&mut h);
        h.finish() | 0x8000000000000000
    }

    /** The slot holding `key`, if any. */
    fn find(&self, key: &K, hash: u64) -> Option<usize> {
        if self.table.len == 0 { return None; }
        let mask = self.table.cap - 1;
        let mut i = (hash as usize) & mask;
        let mut dist: usize = 0;
        unsafe {
            loop {
                let s = self.table.hash(i);
                if s == 0 { return None; }
                if (i.wrapping_sub(s as usize) & mask) < dist { return None; }
                // `&p.read()` borrows the stored key where it lies (no copy): `==` on
                // a `K` is `PartialEq::eq(&a, &b)`.
                if s == hash && self.table.key_at(i).read() == key { return Some(i); }
                i = (i + 1) & mask;
                dist += 1;
            }
        }
    }

    /**
     * Makes the table this map's own, with room for `additional` more entries: copies
     * a shared table (to the same slots), rehashes into a bigger one when full.
     */
    fn make_room(&mut self, additional: usize) {
        // The common case, a table of its own with room, stays small enough to inline.
        if std::rc::is_unique(&self.table) && (self.table.len + additional) * 8 <= self.table.cap * 7 { return; }
        self.copy_or_grow(additional);
    }

    /** `make_room` for a shared or full table. */
    fn copy_or_grow(&mut self, additional: usize) {
        let needed = self.table.len + additional;
        let unique = std::rc::is_unique(&self.table);
        let old = self.table;
        if needed * 8 <= old.cap * 7 {
            // Shared: a copy, slot for slot.
            let fresh: HashTable<K, V> = HashTable::with_slots(old.cap);
            unsafe {
                let mut i: usize = 0;
                while i < old.cap {
                    let s = old.hash(i);
                    if s != 0 {
                        fresh.set_hash(i, s);
                        fresh.key_at(i).write(old.key_at(i).read());
                        fresh.value_at(i).write(old.value_at(i).read());
                    }
                    i += 1;
                }
            }
            fresh.len = old.len;
            self.table = fresh;
            return;
        }
        let mut cap = if old.cap == 0 { 8 } else { old.cap * 2 };
        while needed * 8 > cap * 7 { cap = cap * 2; }
        let fresh: HashTable<K, V> = HashTable::with_slots(cap);
        unsafe {
            let mut i: usize = 0;
            while i < old.cap {
                let s = old.hash(i);
                if s != 0 {
                    if unique {
                        fresh.place(s, old.key_at(i).take(), old.value_at(i).take());
                        old.set_hash(i, 0);
                    } else {
                        fresh.place(s, old.key_at(i).read(), old.value_at(i).read());
                    }
                }
                i += 1;
            }
        }
        if unique { old.len = 0; }
        self.table = fresh;
    }

    /** Room for at least `additional` more entries without growing. */
    pub fn reserve(&mut self, additional: usize) { self.make_room(additional); }

    /** Sets `key`'s value: the old value when there was one, else `None`. */
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let hash = self.hash_of(&key);
        match self.find(&key, hash) {
            Some(slot) => {
                self.make_room(0);
                unsafe {
                    let old = self.table.value_at(slot).take();
                    self.table.value_at(slot).write(value);
                    Some(old)
                }
            }
            None => {
                self.make_room(1);
                self.table.place(hash, key, value);
                None
            }
        }
    }

    /** `key`'s value (a copy), or `None`. */
    pub fn get(&self, key: &K) -> Option<V> {
        match self.find(&key, self.hash_of(&key)) {
            Some(slot) => unsafe { Some(self.table.value_at(slot).read()) },
            None => None,
        }
    }

    /** `key`'s value, or `default` when it has none. */
    pub fn get_or(&self, key: &K, default: V) -> V {
        match self.find(&key, self.hash_of(&key)) {
            Some(slot) => unsafe { self.table.value_at(slot).read() },
            None => default,
        }
    }

    /** `key`'s value; when it has none, inserts `default` first. */
    pub fn get_or_insert(&mut self, key: K, default: V) -> V {
        let hash = self.hash_of(&key);
        match self.find(&key, hash) {
            Some(slot) => unsafe { self.table.value_at(slot).read() },
            None => {
                self.make_room(1);
                self.table.place(hash, key, default);
                default
            }
        }
    }

    /** `key`'s value; when it has none, inserts what `make()` returns first. */
    pub fn get_or_insert_with<F: Fn() -> V>(&mut self, key: K, make: F) -> V {
        let hash = self.hash_of(&key);
        match self.find(&key, hash) {
            Some(slot) => unsafe { self.table.value_at(slot).read() },
            None => {
                let value = make();
                self.make_room(1);
                self.table.place(hash, key, value);
                value
            }
        }
    }

    /**
     * Sets `key`'s value to `f` of its value, or of `default` when it has none:
     * `counts.update(word, 0, |n| n + 1)`. Returns the new value.
     */
    pub fn update<F: Fn(V) -> V>(&mut self, key: K, default: V, f: F) -> V {
        let hash = self.hash_of(&key);
        match self.find(&key, hash) {
            Some(slot) => {
                let value = f(unsafe { self.table.value_at(slot).read() });
                self.make_room(0);
                unsafe {
                    let p = self.table.value_at(slot);
                    let old = p.take();
                    p.write(value);
                }
                value
            }
            None => {
                let value = f(default);
                self.make_room(1);
                self.table.place(hash, key, value);
                value
            }
        }
    }

    pub fn contains_key(&self, key: &K) -> bool { self.find(&key, self.hash_of(&key)).is_some() }

    /** Removes `key`: its value, or `None` when it had none. */
    pub fn remove(&mut self, key: &K) -> Option<V> {
        match self.find(&key, self.hash_of(&key)) {
            Some(slot) => {
                self.make_room(0);
                let (k, v) = self.table.take_slot(slot);
                Some(v)
            }
            None => None,
        }
    }

    /** Removes every entry. */
    pub fn clear(&mut self) {
        if self.table.len > 0 { self.table = HashTable::empty(); }
    }

    /** Keeps the entries for which `keep(key, value)` holds. */
    pub fn retain<F: Fn(K, V) -> bool>(&mut self, keep: F) {
        let mut gone: Vec<K> = Vec::new();
        let mut it = self.iter();
        while let Some((k, v)) = it.next() {
            if !keep(k, v) { gone.push(k); }
        }
        for k in gone { self.remove(&k); }
    }

    /** Inserts every (key, value) pair the iterator yields. */
    pub fn extend<I: Iterator<Item = (K, V)>>(&mut self, mut items: I) {
        while let Some((k, v)) = items.next() { self.insert(k, v); }
    }
}

impl<K, V> HashMap<K, V> {
    /** The (key, value) pairs, in the table's order, from a copy of the map. */
    pub fn iter(&self) -> HashMapIter<K, V> {
        HashMapIter { table: self.table, slot: 0 }
    }
    /** The keys, in the table's order. */
    pub fn keys(&self) -> HashMapKeys<K, V> { HashMapKeys { inner: self.iter() } }
    /** The values, in the table's order. */
    pub fn values(&self) -> HashMapValues<K, V> { HashMapValues { inner: self.iter() } }
}

/** Iterates over a map's entries (over a copy: later changes are not seen). */
pub struct HashMapIter<K, V> { table: HashTable<K, V>, slot: usize }

impl<K, V> Iterator for HashMapIter<K, V> {
    type Item = (K, V);
    fn next(&mut self) -> Option<(K, V)> {
        let i = self.table.next_occupied(self.slot);
        if i >= self.table.cap { self.slot = i; return None; }
        self.slot = i + 1;
        unsafe { Some((self.table.key_at(i).read(), self.table.value_at(i).read())) }
    }
}

pub struct HashMapKeys<K, V> { inner: HashMapIter<K, V> }

impl<K, V> Iterator for HashMapKeys<K, V> {
    type Item = K;
    fn next(&mut self) -> Option<K> {
        let i = self.inner.table.next_occupied(self.inner.slot);
        if i >= self.inner.table.cap { self.inner.slot = i; return None; }
        self.inner.slot = i + 1;
        unsafe { Some(self.inner.table.key_at(i).read()) }
    }
}

pub struct HashMapValues<K, V> { inner: HashMapIter<K, V> }

impl<K, V> Iterator for HashMapValues<K, V> {
    type Item = V;
    fn next(&mut self) -> Option<V> {
        let i = self.inner.table.next_occupied(self.inner.slot);
        if i >= self.inner.table.cap { self.inner.slot = i; return None; }
        self.inner.slot = i + 1;
        unsafe { Some(self.inner.table.value_at(i).read()) }
    }
}

impl<K, V> IntoIterator for HashMap<K, V> {
    type Item = (K, V);
    type IntoIter = HashMapIter<K, V>;
    fn into_iter(self) -> HashMapIter<K, V> { self.iter() }
}

impl<K: Hash + Eq, V> FromIterator<(K, V)> for HashMap<K, V> {
    fn from_iter<I: Iterator<Item = (K, V)>>(iter: I) -> HashMap<K, V> {
        let mut m = HashMap::new();
        m.extend(iter);
        m
    }
}

impl<K: Hash + Eq, V> Index<K> for HashMap<K, V> {
    type Output = V;
    /** `map[key]`: the value; panics when the key is missing. */
    #[track_caller]
    fn index(&self, key: K) -> V {
        match self.get(&key) {
            Some(v) => v,
            None => panic("no entry found for key"),
        }
    }
}

impl<K: Hash + Eq, V> IndexMut<K> for HashMap<K, V> {
    /** `map[key] = value` inserts or replaces. */
    fn index_set(&mut self, key: K, value: V) { self.insert(key, value); }
}

impl<K, V> Clone for HashMap<K, V> {
    fn clone(&self) -> HashMap<K, V> { HashMap { table: self.table, k0: self.k0, k1: self.k1 } }
}

impl<K: Hash + Eq, V> Default for HashMap<K, V> { fn default() -> HashMap<K, V> { HashMap::new() } }

impl<K: Hash + Eq, V: PartialEq> PartialEq for HashMap<K, V> {
    /** The same keys with equal values (whatever the order or the hash keys). */
    fn eq(&self, other: &HashMap<K, V>) -> bool {
        if self.len() != other.len() { return false; }
        let mut it = self.iter();
        while let Some((k, v)) = it.next() {
            match other.get(&k) {
                Some(w) => { if v != w { return false; } }
                None => { return false; }
            }
        }
        true
    }
}

impl<K: Hash + Eq, V: Eq> Eq for HashMap<K, V> {}

impl<K: Debug, V: Debug> Debug for HashMap<K, V> {
    /** `{k: v, ...}`, in the table's order. */
    fn fmt(&self, f: &mut Formatter) { debug_map::<K, V, HashMapIter<K, V>>(&mut f, self.iter()) }
}

// ---- HashSet ----

/** A set of values (`Hash + Eq`): a `HashMap` from the values to `()`. */
pub struct HashSet<T> { map: HashMap<T, ()> }

impl<T: Hash + Eq> HashSet<T> {
    pub fn new() -> HashSet<T> { HashSet { map: HashMap::new() } }
    pub fn with_keys(k0: u64, k1: u64) -> HashSet<T> { HashSet { map: HashMap::with_keys(k0, k1) } }
    pub fn with_capacity(capacity: usize) -> HashSet<T> { HashSet { map: HashMap::with_capacity(capacity) } }
    pub fn len(&self) -> usize { self.map.len() }
    pub fn is_empty(&self) -> bool { self.map.is_empty() }
    /** Adds `value`: true when it was not in the set. */
    pub fn insert(&mut self, value: T) -> bool { self.map.insert(value, ()).is_none() }
    pub fn contains(&self, value: &T) -> bool { self.map.contains_key(&value) }
    /** Removes `value`: true when it was in the set. */
    pub fn remove(&mut self, value: &T) -> bool { self.map.remove(&value).is_some() }
    pub fn clear(&mut self) { self.map.clear(); }
    pub fn reserve(&mut self, additional: usize) { self.map.reserve(additional); }

    /** Keeps the values for which `keep` holds. */
    pub fn retain<F: Fn(T) -> bool>(&mut self, keep: F) { self.map.retain(|k, u| keep(k)); }

    /** Adds every value the iterator yields. */
    pub fn extend<I: Iterator<Item = T>>(&mut self, mut items: I) {
        while let Some(x) = items.next() { self.insert(x); }
    }

    /** The values in this set or in `other`. */
    pub fn union(&self, other: &HashSet<T>) -> HashSet<T> {
        let mut s = HashSet { map: self.map };
        s.extend(other.iter());
        s
    }

    /** The values in both sets. */
    pub fn intersection(&self, other: &HashSet<T>) -> HashSet<T> {
        let mut s = HashSet::new();
        for x in self.iter() { if other.contains(&x) { s.insert(x); } }
        s
    }

    /** The values in this set and not in `other`. */
    pub fn difference(&self, other: &HashSet<T>) -> HashSet<T> {
        let mut s = HashSet::new();
        for x in self.iter() { if !other.contains(&x) { s.insert(x); } }
        s
    }

    /** Whether every value of this set is in `other`. */
    pub fn is_subset(&self, other: &HashSet<T>) -> bool {
        if self.len() > other.len() { return false; }
        for x in self.iter() { if !other.contains(&x) { return false; } }
        true
    }
}

impl<T> HashSet<T> {
    /** The values, in the table's order, from a copy of the set. */
    pub fn iter(&self) -> HashMapKeys<T, ()> { self.map.keys() }
}

impl<T> IntoIterator for HashSet<T> {
    type Item = T;
    type IntoIter = HashMapKeys<T, ()>;
    fn into_iter(self) -> HashMapKeys<T, ()> { self.map.keys() }
}

impl<T: Hash + Eq> FromIterator<T> for HashSet<T> {
    fn from_iter<I: Iterator<Item = T>>(iter: I) -> HashSet<T> {
        let mut s = HashSet::new();
        s.extend(iter);
        s
    }
}

impl<T> Clone for HashSet<T> { fn clone(&self) -> HashSet<T> { HashSet { map: self.map.clone() } } }
impl<T: Hash + Eq> Default for HashSet<T> { fn default() -> HashSet<T> { HashSet::new() } }

impl<T: Hash + Eq> PartialEq for HashSet<T> {
    fn eq(&self, other: &HashSet<T>) -> bool { self.len() == other.len() && self.is_subset(&other) }
}

impl<T: Hash + Eq> Eq for HashSet<T> {}
impl<T: Debug> Debug for HashSet<T> { fn fmt(&self, f: &mut Formatter) { debug_seq::<T, HashMapKeys<T, ()>>(&mut f, "{", "}", self.iter()) } }

// ---- BTreeMap ----

// The B-tree's order B: a node holds at most 2B-1 keys and, but for the root, at least
// B-1; an inner node has one child more than it has keys. A node's arrays have room for
// 2B keys (and 2B+1 children), one more than it keeps, so an insertion can overflow a
// node before splitting it.
const BTREE_B: usize = 6;
const BTREE_MAX: usize = 11;
const BTREE_MIN: usize = 5;
const BTREE_SLOTS: usize = 12;

/**
 * A node of a `BTreeMap`: `len` keys in ascending order with their values, and for an
 * inner node `len + 1` children (`kids` is null in a leaf); the keys of child i lie
 * between key i-1 and key i. Nodes are reference-counted and shared between copies of a
 * map: a map changes a node in place only when it is the node's only owner, and copies
 * it (sharing the children) otherwise.
 */
class BTreeNode<K, V> { keys: *mut K, vals: *mut V, kids: *mut BTreeNode<K, V>, len: usize }

/** What inserting into a subtree did: replaced a value, added an entry, or split the subtree's root. */
enum BTreeInsert<K, V> {
    Replaced(V),
    Added,
    Split(K, V, BTreeNode<K, V>),
}

impl<K, V> BTreeNode<K, V> {
    /** The root of an empty map: no arrays until the first insertion (`new` allocates only this). */
    fn empty() -> BTreeNode<K, V> {
        BTreeNode { keys: std::ptr::null(), vals: std::ptr::null(), kids: std::ptr::null(), len: 0 }
    }

    fn leaf() -> BTreeNode<K, V> {
        unsafe { BTreeNode { keys: std::ptr::alloc(BTREE_SLOTS), vals: std::ptr::alloc(BTREE_SLOTS), kids: std::ptr::null(), len: 0 } }
    }

    fn inner() -> BTreeNode<K, V> {
        unsafe { BTreeNode { keys: std::ptr::alloc(BTREE_SLOTS), vals: std::ptr::alloc(BTREE_SLOTS), kids: std::ptr::alloc(BTREE_SLOTS + 1), len: 0 } }
    }

    fn is_leaf(&self) -> bool { self.kids.is_null() }
    fn key(&self, i: usize) -> K { unsafe { self.keys.add(i).read() } }
    fn val(&self, i: usize) -> V { unsafe { self.vals.add(i).read() } }
    fn kid(&self, i: usize) -> BTreeNode<K, V> { unsafe { self.kids.add(i).read() } }

    /** A node with the same entries and the same (now shared) children: what path copying copies. */
    fn copy(&self) -> BTreeNode<K, V> {
        if self.keys.is_null() { return BTreeNode::empty(); }
        let n: BTreeNode<K, V> = if self.is_leaf() { BTreeNode::leaf() } else { BTreeNode::inner() };
        unsafe {
            let mut i: usize = 0;
            while i < self.len {
                n.keys.add(i).write(self.keys.add(i).read());
                n.vals.add(i).write(self.vals.add(i).read());
                i += 1;
            }
            if !self.is_leaf() {
                i = 0;
                while i <= self.len {
                    n.kids.add(i).write(self.kids.add(i).read());
                    i += 1;
                }
            }
        }
        n.len = self.len;
        n
    }

    /**
     * Child `i`, made the tree's own first (copied when another map shares it). This node
     * must be the tree's own already, and nobody may hold child `i` in a variable (that
     * reference would count as a second owner).
     */
    fn own_kid(&self, i: usize) -> BTreeNode<K, V> {
        unsafe {
            let slot = self.kids.add(i);
            let mut c = slot.take();
            if !std::rc::is_unique(&c) { c = c.copy(); }
            slot.write(move c);
            slot.read()
        }
    }

    /** Puts `key` and `value` at `i`, and in an inner node `right` as child `i + 1`, shifting the rest up. */
    fn insert_at(&self, i: usize, key: K, value: V, right: Option<BTreeNode<K, V>>) {
        unsafe {
            let mut j = self.len;
            while j > i {
                self.keys.add(j).write(self.keys.add(j - 1).take());
                self.vals.add(j).write(self.vals.add(j - 1).take());
                j -= 1;
            }
            self.keys.add(i).write(key);
            self.vals.add(i).write(value);
            if !self.is_leaf() {
                j = self.len + 1;
                while j > i + 1 {
                    self.kids.add(j).write(self.kids.add(j - 1).take());
                    j -= 1;
                }
                self.kids.add(i + 1).write(right.unwrap());
            }
        }
        self.len += 1;
    }

    /** Takes entry `i` out, shifting the later entries down (children are not moved). */
    fn take_entry(&self, i: usize) -> (K, V) {
        unsafe {
            let k = self.keys.add(i).take();
            let v = self.vals.add(i).take();
            let mut j = i;
            while j + 1 < self.len {
                self.keys.add(j).write(self.keys.add(j + 1).take());
                self.vals.add(j).write(self.vals.add(j + 1).take());
                j += 1;
            }
            self.len -= 1;
            (k, v)
        }
    }

    /** Takes child `i` out after `take_entry` removed the key before it: the children from `i + 1` shift down. */
    fn take_kid(&self, i: usize) -> BTreeNode<K, V> {
        unsafe {
            let c = self.kids.add(i).take();
            let mut j = i;
            while j <= self.len {
                self.kids.add(j).write(self.kids.add(j + 1).take());
                j += 1;
            }
            c
        }
    }

    /** Forgets a node whose contents were moved elsewhere: its drop then drops nothing. */
    fn forget_contents(&self) {
        self.len = 0;
        if !self.kids.is_null() {
            unsafe { std::ptr::free(self.kids); }
            self.kids = std::ptr::null();
        }
    }

    /**
     * Splits a node that overflowed (2B keys): keeps the first B entries, returns the
     * middle one and a new node with the last B-1 (and their children).
     */
    fn split(&self) -> (K, V, BTreeNode<K, V>) {
        let right: BTreeNode<K, V> = if self.is_leaf() { BTreeNode::leaf() } else { BTreeNode::inner() };
        unsafe {
            let mut j = BTREE_B + 1;
            while j < self.len {
                right.keys.add(j - BTREE_B - 1).write(self.keys.add(j).take());
                right.vals.add(j - BTREE_B - 1).write(self.vals.add(j).take());
                j += 1;
            }
            if !self.is_leaf() {
                j = BTREE_B + 1;
                while j <= self.len {
                    right.kids.add(j - BTREE_B - 1).write(self.kids.add(j).take());
                    j += 1;
                }
            }
            right.len = self.len - BTREE_B - 1;
            let k = self.keys.add(BTREE_B).take();
            let v = self.vals.add(BTREE_B).take();
            self.len = BTREE_B;
            (k, v, right)
        }
    }

    /** Removes the last (or first) entry of this subtree, which is the tree's own and not empty. */
    fn pop_edge(&self, last: bool) -> (K, V) {
        if self.is_leaf() { return self.take_entry(if last { self.len - 1 } else { 0 }); }
        let i = if last { self.len } else { 0 };
        let kid = self.own_kid(i);
        let entry = kid.pop_edge(last);
        self.fix_kid(i);
        entry
    }

    /**
     * After a removal below child `i` (the tree's own): when it is left with fewer than
     * B-1 keys, moves one entry over from a sibling that can spare one, or else merges it
     * with a sibling (taking the key between them from this node).
     */
    fn fix_kid(&self, i: usize) {
        if self.kid(i).len >= BTREE_MIN { return; }
        if i > 0 {
            let left = self.own_kid(i - 1);
            if left.len > BTREE_MIN {
                self.rotate_right(i - 1);
                return;
            }
        }
        if i < self.len {
            let right = self.own_kid(i + 1);
            if right.len > BTREE_MIN {
                self.rotate_left(i);
                return;
            }
        }
        if i > 0 { self.merge(i - 1); } else { self.merge(i); }
    }

    /** Moves the last entry of child `j` up to key `j`, and key `j` down to the front of child `j + 1`. */
    fn rotate_right(&self, j: usize) {
        let left = self.kid(j);
        let right = self.kid(j + 1);
        unsafe {
            let mut t = right.len;
            while t > 0 {
                right.keys.add(t).write(right.keys.add(t - 1).take());
                right.vals.add(t).write(right.vals.add(t - 1).take());
                t -= 1;
            }
            right.keys.write(self.keys.add(j).take());
            right.vals.write(self.vals.add(j).take());
            let n = left.len - 1;
            self.keys.add(j).write(left.keys.add(n).take());
            self.vals.add(j).write(left.vals.add(n).take());
            if !right.is_leaf() {
                t = right.len + 1;
                while t > 0 {
                    right.kids.add(t).write(right.kids.add(t - 1).take());
                    t -= 1;
                }
                right.kids.write(left.kids.add(n + 1).take());
            }
        }
        left.len -= 1;
        right.len += 1;
    }

    /** Moves the first entry of child `j + 1` up to key `j`, and key `j` down to the end of child `j`. */
    fn rotate_left(&self, j: usize) {
        let left = self.kid(j);
        let right = self.kid(j + 1);
        unsafe {
            let n = left.len;
            left.keys.add(n).write(self.keys.add(j).take());
            left.vals.add(n).write(self.vals.add(j).take());
            self.keys.add(j).write(right.keys.take());
            self.vals.add(j).write(right.vals.take());
            let mut t: usize = 0;
            while t + 1 < right.len {
                right.keys.add(t).write(right.keys.add(t + 1).take());
                right.vals.add(t).write(right.vals.add(t + 1).take());
                t += 1;
            }
            if !left.is_leaf() {
                left.kids.add(n + 1).write(right.kids.take());
                t = 0;
                while t < right.len {
                    right.kids.add(t).write(right.kids.add(t + 1).take());
                    t += 1;
                }
            }
        }
        left.len += 1;
        right.len -= 1;
    }

    /** Merges child `j + 1` and key `j` into child `j` (both children the tree's own). */
    fn merge(&self, j: usize) {
        let left = self.kid(j);
        let (k, v) = self.take_entry(j);
        let right = self.take_kid(j + 1);
        let n = left.len;
        unsafe {
            left.keys.add(n).write(k);
            left.vals.add(n).write(v);
            let mut t: usize = 0;
            while t < right.len {
                left.keys.add(n + 1 + t).write(right.keys.add(t).take());
                left.vals.add(n + 1 + t).write(right.vals.add(t).take());
                t += 1;
            }
            if !left.is_leaf() {
                t = 0;
                while t <= right.len {
                    left.kids.add(n + 1 + t).write(right.kids.add(t).take());
                    t += 1;
                }
            }
        }
        left.len = n + 1 + right.len;
        right.forget_contents();
    }
}

impl<K: Ord, V> BTreeNode<K, V> {
    /** Where `key` is in this node: `(true, i)` when key `i` equals it, else `(false, i)`, `i` the first greater key (the child to go down). */
    fn search(&self, key: &K) -> (bool, usize) {
        let mut lo: usize = 0;
        let mut hi = self.len;
        while lo < hi {
            let mid = (lo + hi) / 2;
            match key.cmp(&self.key(mid)) {
                Ordering::Less => { hi = mid; }
                Ordering::Greater => { lo = mid + 1; }
                Ordering::Equal => { return (true, mid); }
            }
        }
        (false, lo)
    }

    /** Inserts into this subtree (the tree's own); a node that overflows splits and hands its middle entry up. */
    fn insert(&self, key: K, value: V) -> BTreeInsert<K, V> {
        let (found, i) = self.search(&key);
        if found {
            unsafe {
                let old = self.vals.add(i).take();
                self.vals.add(i).write(value);
                return BTreeInsert::Replaced(old);
            }
        }
        if self.is_leaf() {
            self.insert_at(i, key, value, None);
        } else {
            let kid = self.own_kid(i);
            match kid.insert(key, value) {
                BTreeInsert::Split(k, v, right) => { self.insert_at(i, k, v, Some(right)); }
                BTreeInsert::Added => { return BTreeInsert::Added; }
                BTreeInsert::Replaced(old) => { return BTreeInsert::Replaced(old); }
            }
        }
        if self.len > BTREE_MAX {
            let (k, v, right) = self.split();
            return BTreeInsert::Split(k, v, right);
        }
        BTreeInsert::Added
    }

    /**
     * Removes `key` from this subtree (the tree's own; the key is in it). An entry of an
     * inner node is replaced by its predecessor, taken from the leaf below; children left
     * too small are refilled on the way back up.
     */
    fn remove(&self, key: &K) -> Option<(K, V)> {
        let (found, i) = self.search(&key);
        if self.is_leaf() {
            if !found { return None; }
            return Some(self.take_entry(i));
        }
        let kid = self.own_kid(i);
        if found {
            let (pk, pv) = kid.pop_edge(true);
            let entry = unsafe { (self.keys.add(i).take(), self.vals.add(i).take()) };
            unsafe {
                self.keys.add(i).write(pk);
                self.vals.add(i).write(pv);
            }
            self.fix_kid(i);
            return Some(entry);
        }
        let entry = kid.remove(&key);
        if entry.is_some() { self.fix_kid(i); }
        entry
    }
}

impl<K, V> Drop for BTreeNode<K, V> {
    fn drop(&mut self) {
        unsafe {
            let mut i: usize = 0;
            while i < self.len {
                std::ptr::drop_in_place(self.keys.add(i));
                std::ptr::drop_in_place(self.vals.add(i));
                i += 1;
            }
            if !self.kids.is_null() {
                i = 0;
                while i <= self.len {
                    std::ptr::drop_in_place(self.kids.add(i));
                    i += 1;
                }
                std::ptr::free(self.kids);
            }
            if !self.keys.is_null() {
                std::ptr::free(self.keys);
                std::ptr::free(self.vals);
            }
        }
    }
}

/**
 * A position in a B-tree, for iteration: the path from the root, each node with the index
 * of its next entry to visit (going forward) or one past it (going backward).
 */
struct BTreeCursor<K, V> { stack: Vec<(BTreeNode<K, V>, usize)> }

impl<K, V> BTreeCursor<K, V> {
    /** Before the first entry of `node`'s subtree. */
    fn first(node: BTreeNode<K, V>) -> BTreeCursor<K, V> {
        let mut c = BTreeCursor { stack: Vec::new() };
        c.down_left(node);
        c
    }

    /** After the last entry of `node`'s subtree. */
    fn last(node: BTreeNode<K, V>) -> BTreeCursor<K, V> {
        let mut c = BTreeCursor { stack: Vec::new() };
        c.down_right(node);
        c
    }

    fn down_left(&mut self, mut node: BTreeNode<K, V>) {
        if node.len == 0 { return; }
        loop {
            self.stack.push((node, 0));
            if node.is_leaf() { return; }
            node = node.kid(0);
        }
    }

    fn down_right(&mut self, mut node: BTreeNode<K, V>) {
        if node.len == 0 { return; }
        loop {
            self.stack.push((node, node.len));
            if node.is_leaf() { return; }
            node = node.kid(node.len);
        }
    }

    /** The node and index of the next entry in key order, moving past it. */
    fn step(&mut self) -> Option<(BTreeNode<K, V>, usize)> {
        loop {
            let top = self.stack.len();
            if top == 0 { return None; }
            let (node, i) = self.stack[top - 1];
            if i < node.len {
                self.stack[top - 1].1 = i + 1;
                if !node.is_leaf() { self.down_left(node.kid(i + 1)); }
                return Some((node, i));
            }
            self.stack.pop();
        }
    }

    /** The node and index of the previous entry in key order, moving before it. */
    fn step_back(&mut self) -> Option<(BTreeNode<K, V>, usize)> {
        loop {
            let top = self.stack.len();
            if top == 0 { return None; }
            let (node, j) = self.stack[top - 1];
            if j > 0 {
                self.stack[top - 1].1 = j - 1;
                if !node.is_leaf() { self.down_right(node.kid(j - 1)); }
                return Some((node, j - 1));
            }
            self.stack.pop();
        }
    }
}

impl<K: Ord, V> BTreeCursor<K, V> {
    /** Before the first entry of `node`'s subtree whose key is at least `key`. */
    fn seek(node: BTreeNode<K, V>, key: &K) -> BTreeCursor<K, V> {
        let mut c = BTreeCursor { stack: Vec::new() };
        let mut n = node;
        if n.len == 0 { return c; }
        loop {
            let (found, i) = n.search(&key);
            c.stack.push((n, i));
            if found || n.is_leaf() { return c; }
            n = n.kid(i);
        }
    }
}

/**
 * An ordered map from keys `K` (`Ord`) to values `V`: a B-tree of order 6 (each node
 * holds 5 to 11 entries in sorted order). Lookups, insertions and removals take
 * O(log n); iteration goes in key order. Copies share the tree: a change copies only the
 * nodes on the path to the entry it changes that another copy shares (path copying).
 */
pub struct BTreeMap<K, V> { root: BTreeNode<K, V>, len: usize }

impl<K, V> BTreeMap<K, V> {
    pub fn new() -> BTreeMap<K, V> { BTreeMap { root: BTreeNode::empty(), len: 0 } }
    pub fn len(&self) -> usize { self.len }
    pub fn is_empty(&self) -> bool { self.len == 0 }

    /** Removes every entry. */
    pub fn clear(&mut self) {
        if self.len > 0 {
            self.root = BTreeNode::empty();
            self.len = 0;
        }
    }

    /** The root, made this map's own (copied when another map shares it), with its arrays. */
    fn own_root(&mut self) -> BTreeNode<K, V> {
        if !std::rc::is_unique(&self.root) { self.root = self.root.copy(); }
        if self.root.keys.is_null() { self.root = BTreeNode::leaf(); }
        self.root
    }

    /** A root that a removal left without keys gives way to its only child. */
    fn shrink_root(&mut self) {
        if self.root.len == 0 && !self.root.is_leaf() { self.root = self.root.kid(0); }
    }

    /** The entry with the least key (copies), or `None` when empty. */
    pub fn first_key_value(&self) -> Option<(K, V)> {
        if self.len == 0 { return None; }
        let mut node = self.root;
        while !node.is_leaf() { node = node.kid(0); }
        Some((node.key(0), node.val(0)))
    }

    /** The entry with the greatest key (copies), or `None` when empty. */
    pub fn last_key_value(&self) -> Option<(K, V)> {
        if self.len == 0 { return None; }
        let mut node = self.root;
        while !node.is_leaf() { node = node.kid(node.len); }
        Some((node.key(node.len - 1), node.val(node.len - 1)))
    }

    /** Removes the entry with the least key and returns it, or `None` when empty. */
    pub fn pop_first(&mut self) -> Option<(K, V)> {
        if self.len == 0 { return None; }
        let root = self.own_root();
        let entry = root.pop_edge(false);
        self.len -= 1;
        self.shrink_root();
        Some(entry)
    }

    /** Removes the entry with the greatest key and returns it, or `None` when empty. */
    pub fn pop_last(&mut self) -> Option<(K, V)> {
        if self.len == 0 { return None; }
        let root = self.own_root();
        let entry = root.pop_edge(true);
        self.len -= 1;
        self.shrink_root();
        Some(entry)
    }

    /** The (key, value) pairs in ascending key order (`.rev()` for descending), from a copy of the map. */
    pub fn iter(&self) -> BTreeMapIter<K, V> {
        BTreeMapIter { root: self.root, front: BTreeCursor::first(self.root), back: BTreeCursor { stack: Vec::new() }, back_set: false, left: self.len }
    }
    /** The keys in ascending order. */
    pub fn keys(&self) -> BTreeMapKeys<K, V> { BTreeMapKeys { inner: self.iter() } }
    /** The values in the order of their keys. */
    pub fn values(&self) -> BTreeMapValues<K, V> { BTreeMapValues { inner: self.iter() } }
}

impl<K: Ord, V> BTreeMap<K, V> {
    /** Where `key` is: its node and index. */
    fn find(&self, key: &K) -> Option<(BTreeNode<K, V>, usize)> {
        if self.len == 0 { return None; }
        let mut node = self.root;
        loop {
            let (found, i) = node.search(&key);
            if found { return Some((node, i)); }
            if node.is_leaf() { return None; }
            node = node.kid(i);
        }
    }

    /**
     * The address of `key`'s value, the nodes on the way made this map's own (copied
     * where shared); null when the key is missing (then nothing is copied).
     */
    fn value_place(&mut self, key: &K) -> *mut V {
        if self.find(&key).is_none() { return std::ptr::null(); }
        let mut node = self.own_root();
        loop {
            let (found, i) = node.search(&key);
            if found { return unsafe { node.vals.add(i) }; }
            node = node.own_kid(i);
        }
    }

    /** Sets `key`'s value: the old value when there was one, else `None`. */
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let root = self.own_root();
        match root.insert(key, value) {
            BTreeInsert::Replaced(old) => Some(old),
            BTreeInsert::Added => {
                self.len += 1;
                None
            }
            BTreeInsert::Split(k, v, right) => {
                // The root split: the tree grows a level.
                let top: BTreeNode<K, V> = BTreeNode::inner();
                unsafe {
                    top.keys.write(k);
                    top.vals.write(v);
                    top.kids.write(root);
                    top.kids.add(1).write(right);
                }
                top.len = 1;
                self.root = top;
                self.len += 1;
                None
            }
        }
    }

    /** `key`'s value (a copy), or `None`. */
    pub fn get(&self, key: &K) -> Option<V> {
        match self.find(&key) {
            Some((node, i)) => Some(node.val(i)),
            None => None,
        }
    }

    /** `key`'s value, or `default` when it has none. */
    pub fn get_or(&self, key: &K, default: V) -> V {
        match self.find(&key) {
            Some((node, i)) => node.val(i),
            None => default,
        }
    }

    /** The stored key equal to `key` and its value, or `None`. */
    pub fn get_key_value(&self, key: &K) -> Option<(K, V)> {
        match self.find(&key) {
            Some((node, i)) => Some((node.key(i), node.val(i))),
            None => None,
        }
    }

    /** `key`'s value; when it has none, inserts `default` first. */
    pub fn get_or_insert(&mut self, key: K, default: V) -> V {
        match self.get(&key) {
            Some(v) => v,
            None => {
                self.insert(key, default);
                default
            }
        }
    }

    /** `key`'s value; when it has none, inserts what `make()` returns first. */
    pub fn get_or_insert_with<F: Fn() -> V>(&mut self, key: K, make: F) -> V {
        match self.get(&key) {
            Some(v) => v,
            None => {
                let value = make();
                self.insert(key, value);
                value
            }
        }
    }

    /**
     * Sets `key`'s value to `f` of its value, or of `default` when it has none:
     * `counts.update(word, 0, |n| n + 1)`. Returns the new value.
     */
    pub fn update<F: Fn(V) -> V>(&mut self, key: K, default: V, f: F) -> V {
        let p = self.value_place(&key);
        if p.is_null() {
            let value = f(default);
            self.insert(key, value);
            return value;
        }
        unsafe {
            let value = f(p.read());
            let old = p.take();
            p.write(value);
            value
        }
    }

    pub fn contains_key(&self, key: &K) -> bool { self.find(&key).is_some() }

    /** Removes `key`: its value, or `None` when it had none (a miss copies nothing). */
    pub fn remove(&mut self, key: &K) -> Option<V> {
        match self.remove_entry(&key) {
            Some((k, v)) => Some(v),
            None => None,
        }
    }

    /** Removes `key`: the stored key and its value, or `None`. */
    pub fn remove_entry(&mut self, key: &K) -> Option<(K, V)> {
        if self.find(&key).is_none() { return None; }
        let root = self.own_root();
        let entry = root.remove(&key);
        self.len -= 1;
        self.shrink_root();
        entry
    }

    /** Keeps the entries for which `keep(key, value)` holds. */
    pub fn retain<F: Fn(K, V) -> bool>(&mut self, keep: F) {
        let mut gone: Vec<K> = Vec::new();
        let mut it = self.iter();
        while let Some((k, v)) = it.next() {
            if !keep(k, v) { gone.push(k); }
        }
        for k in gone { self.remove(&k); }
    }

    /** Inserts every (key, value) pair the iterator yields. */
    pub fn extend<I: Iterator<Item = (K, V)>>(&mut self, mut items: I) {
        while let Some((k, v)) = items.next() { self.insert(k, v); }
    }

    /** The entries with keys in `range` (`map.range(10..20)`), in ascending order. */
    pub fn range(&self, range: Range<K>) -> BTreeMapRange<K, V> {
        BTreeMapRange { cursor: BTreeCursor::seek(self.root, &range.start), end: Some(range.end) }
    }

    /** The entries with keys from `lo` up to but not including `hi` (any `Ord` key). */
    pub fn range_between(&self, lo: K, hi: K) -> BTreeMapRange<K, V> {
        BTreeMapRange { cursor: BTreeCursor::seek(self.root, &lo), end: Some(hi) }
    }

    /** The entries with keys `lo` and greater. */
    pub fn range_from(&self, lo: K) -> BTreeMapRange<K, V> {
        BTreeMapRange { cursor: BTreeCursor::seek(self.root, &lo), end: None }
    }
}

/** Iterates over a map's entries in key order, from either end (over a copy: later changes are not seen). */
pub struct BTreeMapIter<K, V> { root: BTreeNode<K, V>, front: BTreeCursor<K, V>, back: BTreeCursor<K, V>, back_set: bool, left: usize }

impl<K, V> BTreeMapIter<K, V> {
    fn step(&mut self) -> Option<(BTreeNode<K, V>, usize)> {
        if self.left == 0 { return None; }
        self.left -= 1;
        self.front.step()
    }

    fn step_back(&mut self) -> Option<(BTreeNode<K, V>, usize)> {
        if self.left == 0 { return None; }
        self.left -= 1;
        if !self.back_set {
            // The back cursor is set up on the first step from the back.
            self.back = BTreeCursor::last(self.root);
            self.back_set = true;
        }
        self.back.step_back()
    }
}

impl<K, V> Iterator for BTreeMapIter<K, V> {
    type Item = (K, V);
    fn next(&mut self) -> Option<(K, V)> {
        match self.step() {
            Some((node, i)) => Some((node.key(i), node.val(i))),
            None => None,
        }
    }
}

impl<K, V> DoubleEndedIterator for BTreeMapIter<K, V> {
    fn next_back(&mut self) -> Option<(K, V)> {
        match self.step_back() {
            Some((node, i)) => Some((node.key(i), node.val(i))),
            None => None,
        }
    }
}

pub struct BTreeMapKeys<K, V> { inner: BTreeMapIter<K, V> }

impl<K, V> Iterator for BTreeMapKeys<K, V> {
    type Item = K;
    fn next(&mut self) -> Option<K> {
        match self.inner.step() {
            Some((node, i)) => Some(node.key(i)),
            None => None,
        }
    }
}

impl<K, V> DoubleEndedIterator for BTreeMapKeys<K, V> {
    fn next_back(&mut self) -> Option<K> {
        match self.inner.step_back() {
            Some((node, i)) => Some(node.key(i)),
            None => None,
        }
    }
}

pub struct BTreeMapValues<K, V> { inner: BTreeMapIter<K, V> }

impl<K, V> Iterator for BTreeMapValues<K, V> {
    type Item = V;
    fn next(&mut self) -> Option<V> {
        match self.inner.step() {
            Some((node, i)) => Some(node.val(i)),
            None => None,
        }
    }
}

impl<K, V> DoubleEndedIterator for BTreeMapValues<K, V> {
    fn next_back(&mut self) -> Option<V> {
        match self.inner.step_back() {
            Some((node, i)) => Some(node.val(i)),
            None => None,
        }
    }
}

/** The entries of a key range, in ascending order (over a copy of the map). */
pub struct BTreeMapRange<K, V> { cursor: BTreeCursor<K, V>, end: Option<K> }

impl<K: Ord, V> BTreeMapRange<K, V> {
    fn step(&mut self) -> Option<(BTreeNode<K, V>, usize)> {
        match self.cursor.step() {
            Some((node, i)) => {
                let inside = match self.end {
                    Some(end) => node.key(i) < end,
                    None => true,
                };
                if inside { return Some((node, i)); }
                self.cursor.stack.clear();
                None
            }
            None => None,
        }
    }
}

impl<K: Ord, V> Iterator for BTreeMapRange<K, V> {
    type Item = (K, V);
    fn next(&mut self) -> Option<(K, V)> {
        match self.step() {
            Some((node, i)) => Some((node.key(i), node.val(i))),
            None => None,
        }
    }
}

impl<K, V> IntoIterator for BTreeMap<K, V> {
    type Item = (K, V);
    type IntoIter = BTreeMapIter<K, V>;
    fn into_iter(self) -> BTreeMapIter<K, V> { self.iter() }
}

impl<K: Ord, V> FromIterator<(K, V)> for BTreeMap<K, V> {
    fn from_iter<I: Iterator<Item = (K, V)>>(iter: I) -> BTreeMap<K, V> {
        let mut m = BTreeMap::new();
        m.extend(iter);
        m
    }
}

impl<K: Ord, V> Index<K> for BTreeMap<K, V> {
    type Output = V;
    /** `map[key]`: the value; panics when the key is missing. */
    #[track_caller]
    fn index(&self, key: K) -> V {
        match self.get(&key) {
            Some(v) => v,
            None => panic("no entry found for key"),
        }
    }
}

impl<K: Ord, V> IndexMut<K> for BTreeMap<K, V> {
    /** `map[key] = value` inserts or replaces. */
    fn index_set(&mut self, key: K, value: V) { self.insert(key, value); }
}

impl<K: Ord, V> IndexPlace<K> for BTreeMap<K, V> {
    /** `map[key].x += 1`, `map[key].push(x)`: the value changed where it is; panics when the key is missing. */
    #[track_caller]
    fn index_place(&mut self, key: K) -> *mut V {
        let p = self.value_place(&key);
        if p.is_null() { panic("no entry found for key"); }
        p
    }
}

impl<K, V> Clone for BTreeMap<K, V> {
    fn clone(&self) -> BTreeMap<K, V> { BTreeMap { root: self.root, len: self.len } }
}

impl<K, V> Default for BTreeMap<K, V> { fn default() -> BTreeMap<K, V> { BTreeMap::new() } }

impl<K: PartialEq, V: PartialEq> PartialEq for BTreeMap<K, V> {
    /** The same keys with equal values (both in key order, so entry by entry). */
    fn eq(&self, other: &BTreeMap<K, V>) -> bool {
        if self.len != other.len { return false; }
        let mut a = self.iter();
        let mut b = other.iter();
        while let Some((k, v)) = a.next() {
            match b.next() {
                Some((k2, v2)) => { if k != k2 || v != v2 { return false; } }
                None => { return false; }
            }
        }
        true
    }
}

impl<K: Eq, V: Eq> Eq for BTreeMap<K, V> {}

impl<K: Debug, V: Debug> Debug for BTreeMap<K, V> {
    /** `{k: v, ...}` in key order. */
    fn fmt(&self, f: &mut Formatter) { debug_map::<K, V, BTreeMapIter<K, V>>(&mut f, self.iter()) }
}

/** Writes `{k: v, ...}` (or one entry per line with `{:#?}`) for a map's Debug. */
fn debug_map<K: Debug, V: Debug, I: Iterator<Item = (K, V)>>(f: &mut Formatter, mut it: I) {
    let mut first = true;
    if f.alternate() {
        let inner = f.indented();
        write(f, "{{");
        while let Some((k, v)) = it.next() {
            if first { write(f, "\n"); }
            first = false;
            inner.pad();
            write(inner, "{:#?}: {:#?},\n", k, v);
        }
        if !first { f.pad(); }
        write(f, "}}");
    } else {
        write(f, "{{");
        while let Some((k, v)) = it.next() {
            if !first { write(f, ", "); }
            first = false;
            write(f, "{:?}: {:?}", k, v);
        }
        write(f, "}}");
    }
}

// ---- BTreeSet ----

/** An ordered set of values (`Ord`): a `BTreeMap` from the values to `()`. */
pub struct BTreeSet<T> { map: BTreeMap<T, ()> }

impl<T> BTreeSet<T> {
    pub fn new() -> BTreeSet<T> { BTreeSet { map: BTreeMap::new() } }
    pub fn len(&self) -> usize { self.map.len() }
    pub fn is_empty(&self) -> bool { self.map.is_empty() }
    pub fn clear(&mut self) { self.map.clear(); }
    /** The values in ascending order (`.rev()` for descending), from a copy of the set. */
    pub fn iter(&self) -> BTreeMapKeys<T, ()> { self.map.keys() }

    /** The least value, or `None` when empty. */
    pub fn first(&self) -> Option<T> {
        match self.map.first_key_value() {
            Some((x, u)) => Some(x),
            None => None,
        }
    }

    /** The greatest value, or `None` when empty. */
    pub fn last(&self) -> Option<T> {
        match self.map.last_key_value() {
            Some((x, u)) => Some(x),
            None => None,
        }
    }

    /** Removes the least value and returns it. */
    pub fn pop_first(&mut self) -> Option<T> {
        match self.map.pop_first() {
            Some((x, u)) => Some(x),
            None => None,
        }
    }

    /** Removes the greatest value and returns it. */
    pub fn pop_last(&mut self) -> Option<T> {
        match self.map.pop_last() {
            Some((x, u)) => Some(x),
            None => None,
        }
    }
}

impl<T: Ord> BTreeSet<T> {
    /** Adds `value`: true when it was not in the set. */
    pub fn insert(&mut self, value: T) -> bool { self.map.insert(value, ()).is_none() }
    pub fn contains(&self, value: &T) -> bool { self.map.contains_key(&value) }
    /** Removes `value`: true when it was in the set. */
    pub fn remove(&mut self, value: &T) -> bool { self.map.remove(&value).is_some() }

    /** Keeps the values for which `keep` holds. */
    pub fn retain<F: Fn(T) -> bool>(&mut self, keep: F) { self.map.retain(|k, u| keep(k)); }

    /** Adds every value the iterator yields. */
    pub fn extend<I: Iterator<Item = T>>(&mut self, mut items: I) {
        while let Some(x) = items.next() { self.insert(x); }
    }

    /** The values in `range` (`set.range(3..8)`), in ascending order. */
    pub fn range(&self, range: Range<T>) -> BTreeSetRange<T> { BTreeSetRange { inner: self.map.range(range) } }
    /** The values from `lo` up to but not including `hi` (any `Ord` value). */
    pub fn range_between(&self, lo: T, hi: T) -> BTreeSetRange<T> { BTreeSetRange { inner: self.map.range_between(lo, hi) } }
    /** The values `lo` and greater. */
    pub fn range_from(&self, lo: T) -> BTreeSetRange<T> { BTreeSetRange { inner: self.map.range_from(lo) } }

    /** The values in this set or in `other`. */
    pub fn union(&self, other: &BTreeSet<T>) -> BTreeSet<T> {
        let mut s = BTreeSet { map: self.map };
        s.extend(other.iter());
        s
    }

    /** The values in both sets. */
    pub fn intersection(&self, other: &BTreeSet<T>) -> BTreeSet<T> {
        let mut s = BTreeSet::new();
        for x in self.iter() { if other.contains(&x) { s.insert(x); } }
        s
    }

    /** The values in this set and not in `other`. */
    pub fn difference(&self, other: &BTreeSet<T>) -> BTreeSet<T> {
        let mut s = BTreeSet::new();
        for x in self.iter() { if !other.contains(&x) { s.insert(x); } }
        s
    }

    /** The values in exactly one of the two sets. */
    pub fn symmetric_difference(&self, other: &BTreeSet<T>) -> BTreeSet<T> {
        let mut s = self.difference(&other);
        for x in other.iter() { if !self.contains(&x) { s.insert(x); } }
        s
    }

    /** Whether every value of this set is in `other`. */
    pub fn is_subset(&self, other: &BTreeSet<T>) -> bool {
        if self.len() > other.len() { return false; }
        for x in self.iter() { if !other.contains(&x) { return false; } }
        true
    }

    /** Whether the sets have no value in common. */
    pub fn is_disjoint(&self, other: &BTreeSet<T>) -> bool {
        for x in self.iter() { if other.contains(&x) { return false; } }
        true
    }
}

/** The values of a range of a set, in ascending order. */
pub struct BTreeSetRange<T> { inner: BTreeMapRange<T, ()> }

impl<T: Ord> Iterator for BTreeSetRange<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        match self.inner.step() {
            Some((node, i)) => Some(node.key(i)),
            None => None,
        }
    }
}

impl<T> IntoIterator for BTreeSet<T> {
    type Item = T;
    type IntoIter = BTreeMapKeys<T, ()>;
    fn into_iter(self) -> BTreeMapKeys<T, ()> { self.map.keys() }
}

impl<T: Ord> FromIterator<T> for BTreeSet<T> {
    fn from_iter<I: Iterator<Item = T>>(iter: I) -> BTreeSet<T> {
        let mut s = BTreeSet::new();
        s.extend(iter);
        s
    }
}

impl<T> Clone for BTreeSet<T> { fn clone(&self) -> BTreeSet<T> { BTreeSet { map: self.map.clone() } } }
impl<T> Default for BTreeSet<T> { fn default() -> BTreeSet<T> { BTreeSet::new() } }
impl<T: PartialEq> PartialEq for BTreeSet<T> {
    fn eq(&self, other: &BTreeSet<T>) -> bool {
        if self.len() != other.len() { return false; }
        let mut b = other.iter();
        for x in self.iter() {
            match b.next() {
                Some(y) => { if x != y { return false; } }
                None => { return false; }
            }
        }
        true
    }
}
impl<T: Eq> Eq for BTreeSet<T> {}
impl<T: Debug> Debug for BTreeSet<T> { fn fmt(&self, f: &mut Formatter) { debug_seq::<T, BTreeMapKeys<T, ()>>(&mut f, "{", "}", self.iter()) } }

// ---- Pool (std::mem::Pool) ----

/**
 * A key into a `Pool`: the slot's index and the generation the slot had when the value
 * was inserted. Removing the value moves the slot to a new generation, so an old key no
 * longer matches it, even after the slot holds another value (stale keys are detected,
 * as in Rust's slotmap). A plain value: copy it, compare it, hash it, keep it anywhere.
 */
pub struct PoolKey { index: u32, generation: u32 }

impl PoolKey {
    /** The slot the key names (0 to capacity - 1). */
    pub fn index(&self) -> usize { self.index as usize }
    /** The slot's generation when the key was made (odd: slots are occupied at odd ones). */
    pub fn generation(&self) -> u32 { self.generation }
}

impl Clone for PoolKey { fn clone(&self) -> PoolKey { PoolKey { index: self.index, generation: self.generation } } }
impl Copy for PoolKey {}
impl PartialEq for PoolKey { fn eq(&self, other: &PoolKey) -> bool { self.index == other.index && self.generation == other.generation } }
impl Eq for PoolKey {}
impl Hash for PoolKey {
    fn hash(&self, h: &mut Hasher) {
        h.write_u32(self.index);
        h.write_u32(self.generation);
    }
}
impl Debug for PoolKey {
    /** `PoolKey(3v1)`: slot 3, generation 1. */
    fn fmt(&self, f: &mut Formatter) { write(f, "PoolKey({}v{})", self.index, self.generation) }
}

/** No free slot (the end of the free list). */
const POOL_NONE: u32 = 4294967295;
/**
 * A slot whose value is removed at this generation is retired: its next generation would
 * be the last even one, and it could not be occupied again without its generation wrapping
 * around to ones that old keys carry.
 */
const POOL_LAST_GENERATION: u32 = 4294967293;

/**
 * The slots behind a `Pool`: `cap` values at `values` (initialized where the slot's
 * generation in `gens` is odd), the generations, and the free list threaded through
 * `next` (vacant slots below `used`, last removed first). Slots at `used` and above have
 * never been occupied. Copies of a pool share it until one of them changes.
 */
class PoolSlots<T> { values: *mut T, gens: *mut u32, next: *mut u32, free: u32, used: usize, len: usize, cap: usize }

impl<T> PoolSlots<T> {
    fn occupied(&self, i: usize) -> bool { unsafe { self.gens.add(i).read() % 2 == 1 } }
}

impl<T> Drop for PoolSlots<T> {
    fn drop(&mut self) {
        if self.cap == 0 { return; }
        unsafe {
            let mut i: usize = 0;
            while i < self.used {
                if self.occupied(i) { std::ptr::drop_in_place(self.values.add(i)); }
                i += 1;
            }
            std::ptr::free(self.values);
            std::ptr::free(self.gens);
            std::ptr::free(self.next);
        }
    }
}

/**
 * A fixed number of slots for values of one type (`std::mem::Pool`): `insert` puts a value
 * in a free slot and returns its `PoolKey`, `remove` frees the slot again, and `pool[k]`,
 * `get`, `contains` find the value in constant time. The storage is allocated once, by
 * `with_capacity`, and never grows or moves. A value like the other collections: a copy
 * shares the slots until one of the copies changes (copy-on-write).
 */
pub struct Pool<T> { slots: PoolSlots<T> }

impl<T> Pool<T> {
    /** A pool with room for `capacity` values (all allocated now; at most 4294967294). */
    pub fn with_capacity(capacity: usize) -> Pool<T> {
        if capacity >= POOL_NONE as usize { panic("Pool capacity {} is too large (at most {})", capacity, POOL_NONE - 1); }
        if capacity == 0 {
            return Pool { slots: PoolSlots { values: std::ptr::null(), gens: std::ptr::null(), next: std::ptr::null(), free: POOL_NONE, used: 0, len: 0, cap: 0 } };
        }
        unsafe {
            Pool { slots: PoolSlots { values: std::ptr::alloc(capacity), gens: std::ptr::alloc(capacity), next: std::ptr::alloc(capacity), free: POOL_NONE, used: 0, len: 0, cap: capacity } }
        }
    }

    pub fn len(&self) -> usize { self.slots.len }
    pub fn is_empty(&self) -> bool { self.slots.len == 0 }
    pub fn capacity(&self) -> usize { self.slots.cap }
    /** Whether `insert` would find no free slot. */
    pub fn is_full(&self) -> bool { self.slots.free == POOL_NONE && self.slots.used == self.slots.cap }

    /** Makes the slots this pool's own before a change: copies them if they are shared. */
    fn make_unique(&mut self) {
        if std::rc::is_unique(&self.slots) { return; }
        let fresh: Pool<T> = Pool::with_capacity(self.slots.cap);
        unsafe {
            let mut i: usize = 0;
            while i < self.slots.used {
                fresh.slots.gens.add(i).write(self.slots.gens.add(i).read());
                fresh.slots.next.add(i).write(self.slots.next.add(i).read());
                if self.slots.occupied(i) { fresh.slots.values.add(i).write(self.slots.values.add(i).read()); }
                i += 1;
            }
        }
        fresh.slots.free = self.slots.free;
        fresh.slots.used = self.slots.used;
        fresh.slots.len = self.slots.len;
        self.slots = fresh.slots;
    }

    /** The slot `key` names, when it holds the value the key was made for. */
    fn live(&self, key: &PoolKey) -> Option<usize> {
        let i = key.index as usize;
        if i >= self.slots.used { return None; }
        if unsafe { self.slots.gens.add(i).read() } != key.generation { return None; }
        Some(i)
    }

    /** The slot of a live key, or a panic that says what is wrong with it. */
    fn check(&self, key: &PoolKey) -> usize {
        match self.live(&key) {
            Some(i) => i,
            None => {
                let i = key.index as usize;
                if i < self.slots.used && unsafe { self.slots.gens.add(i).read() } > key.generation {
                    panic("stale pool key {:?}: its value was removed from the pool", key);
                }
                panic("pool key {:?} does not belong to this pool (capacity {})", key, self.slots.cap);
            }
        }
    }

    /**
     * Puts `value` in a free slot and returns its key, or gives `value` back as `Err`
     * when every slot is taken. Constant time; never allocates.
     */
    pub fn try_insert(&mut self, value: T) -> Result<PoolKey, T> {
        if self.is_full() { return Err(value); }
        self.make_unique();
        let i = if self.slots.free != POOL_NONE {
            let i = self.slots.free as usize;
            self.slots.free = unsafe { self.slots.next.add(i).read() };
            i
        } else {
            let i = self.slots.used;
            unsafe { self.slots.gens.add(i).write(0); }
            self.slots.used += 1;
            i
        };
        unsafe {
            let generation = self.slots.gens.add(i).read() + 1;
            self.slots.gens.add(i).write(generation);
            self.slots.values.add(i).write(value);
            self.slots.len += 1;
            Ok(PoolKey { index: i as u32, generation })
        }
    }

    /** Puts `value` in a free slot: its key, or `None` (and `value` dropped) when the pool is full. */
    pub fn insert(&mut self, value: T) -> Option<PoolKey> {
        match self.try_insert(value) {
            Ok(key) => Some(key),
            Err(v) => None,
        }
    }

    /** Takes the value out and frees its slot: the value, or `None` for a stale or foreign key. */
    pub fn remove(&mut self, key: PoolKey) -> Option<T> {
        let i = match self.live(&key) { Some(i) => i, None => { return None; } };
        self.make_unique();
        unsafe {
            let value = self.slots.values.add(i).take();
            self.slots.gens.add(i).write(key.generation + 1);
            if key.generation != POOL_LAST_GENERATION {
                self.slots.next.add(i).write(self.slots.free);
                self.slots.free = i as u32;
            }
            self.slots.len -= 1;
            Some(value)
        }
    }

    /** A copy of the value `key` names, or `None` when it was removed (or the key is another pool's). */
    pub fn get(&self, key: PoolKey) -> Option<T> {
        match self.live(&key) {
            Some(i) => unsafe { Some(self.slots.values.add(i).read()) },
            None => None,
        }
    }

    /** Whether `key` names a value in this pool (false once it is removed). */
    pub fn contains(&self, key: PoolKey) -> bool { self.live(&key).is_some() }

    /** Replaces the value `key` names (panics for a stale key, as `pool[key] = value` does). */
    pub fn set(&mut self, key: PoolKey, value: T) {
        let i = self.check(&key);
        self.make_unique();
        // The old value is dropped after the new one is in place (its drop may run code).
        let old = unsafe { self.slots.values.add(i).take() };
        unsafe { self.slots.values.add(i).write(value); }
    }

    /** Removes every value (their keys all go stale). */
    pub fn clear(&mut self) {
        let mut it = self.keys();
        while let Some(k) = it.next() { self.remove(k); }
    }

    /** Keeps the values for which `keep(key, value)` holds, removing the others. */
    pub fn retain<F: Fn(PoolKey, T) -> bool>(&mut self, keep: F) {
        let mut gone: Vec<PoolKey> = Vec::new();
        let mut it = self.iter();
        while let Some((k, v)) = it.next() {
            if !keep(k, v) { gone.push(k); }
        }
        for k in gone { self.remove(k); }
    }

    /** The (key, value) pairs of the live values, in slot order, from a copy of the pool. */
    pub fn iter(&self) -> PoolIter<T> { PoolIter { slots: self.slots, at: 0 } }
    /** The keys of the live values, in slot order. */
    pub fn keys(&self) -> PoolKeys<T> { PoolKeys { inner: self.iter() } }
    /** The live values, in slot order. */
    pub fn values(&self) -> PoolValues<T> { PoolValues { inner: self.iter() } }
}

/** Iterates over a pool's live entries (over a copy: later changes are not seen). */
pub struct PoolIter<T> { slots: PoolSlots<T>, at: usize }

impl<T> PoolIter<T> {
    /** The next occupied slot, or `None` at the end. */
    fn advance(&mut self) -> Option<usize> {
        while self.at < self.slots.used {
            let i = self.at;
            self.at += 1;
            if self.slots.occupied(i) { return Some(i); }
        }
        None
    }
}

impl<T> Iterator for PoolIter<T> {
    type Item = (PoolKey, T);
    fn next(&mut self) -> Option<(PoolKey, T)> {
        match self.advance() {
            Some(i) => unsafe { Some((PoolKey { index: i as u32, generation: self.slots.gens.add(i).read() }, self.slots.values.add(i).read())) },
            None => None,
        }
    }
}

pub struct PoolKeys<T> { inner: PoolIter<T> }

impl<T> Iterator for PoolKeys<T> {
    type Item = PoolKey;
    fn next(&mut self) -> Option<PoolKey> {
        match self.inner.advance() {
            Some(i) => Some(PoolKey { index: i as u32, generation: unsafe { self.inner.slots.gens.add(i).read() } }),
            None => None,
        }
    }
}

pub struct PoolValues<T> { inner: PoolIter<T> }

impl<T> Iterator for PoolValues<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        match self.inner.advance() {
            Some(i) => unsafe { Some(self.inner.slots.values.add(i).read()) },
            None => None,
        }
    }
}

impl<T> IntoIterator for Pool<T> {
    type Item = (PoolKey, T);
    type IntoIter = PoolIter<T>;
    fn into_iter(self) -> PoolIter<T> { self.iter() }
}

impl<T> Index<PoolKey> for Pool<T> {
    type Output = T;
    /** `pool[key]`: a copy of the value; panics for a stale key. */
    fn index(&self, key: PoolKey) -> T {
        let i = self.check(&key);
        unsafe { self.slots.values.add(i).read() }
    }
}

impl<T> IndexMut<PoolKey> for Pool<T> {
    fn index_set(&mut self, key: PoolKey, value: T) { self.set(key, value); }
}

impl<T> IndexPlace<PoolKey> for Pool<T> {
    /** `pool[key].x += 1`: the value's slot, made this pool's own first. */
    fn index_place(&mut self, key: PoolKey) -> *mut T {
        let i = self.check(&key);
        self.make_unique();
        unsafe { self.slots.values.add(i) }
    }
}

impl<T> Clone for Pool<T> { fn clone(&self) -> Pool<T> { Pool { slots: self.slots } } }

impl<T: Debug> Debug for Pool<T> {
    /** `{PoolKey(0v1): value, ...}` in slot order. */
    fn fmt(&self, f: &mut Formatter) { debug_map::<PoolKey, T, PoolIter<T>>(&mut f, self.iter()) }
}

// ---- Arena (std::mem::Arena) ----

/**
 * A value allocated in an `Arena`: which arena (its id) and where. Not a reference — it
 * keeps nothing alive and is read through the arena, `arena[r]`, which first checks that
 * the arena's id is the handle's, so a handle is only ever used while the memory it
 * points to is live (see *`std::mem::Arena`* in language.md for the argument). A plain
 * 16-byte value: copy it, compare it (identity), store it in arena values.
 */
pub struct ArenaRef<T> { arena: u64, ptr: *mut T }

impl<T> Clone for ArenaRef<T> { fn clone(&self) -> ArenaRef<T> { ArenaRef { arena: self.arena, ptr: self.ptr } } }
impl<T> Copy for ArenaRef<T> {}
impl<T> PartialEq for ArenaRef<T> {
    /** The same allocation (not equal values). */
    fn eq(&self, other: &ArenaRef<T>) -> bool { self.arena == other.arena && self.ptr as usize == other.ptr as usize }
}
impl<T> Eq for ArenaRef<T> {}
impl<T> Hash for ArenaRef<T> {
    fn hash(&self, h: &mut Hasher) {
        h.write_u64(self.arena);
        h.write_u64(self.ptr as usize as u64);
    }
}
impl<T> Debug for ArenaRef<T> {
    /** `ArenaRef(..)`: the address is no business of the output. */
    fn fmt(&self, f: &mut Formatter) { write(f, "ArenaRef(..)") }
}

/** A value in an arena that needs dropping: where it is and its type's drop function. */
struct ArenaDrop { at: *mut u8, run: fn(*mut u8) }

/** Drops the `T` at `at` (one instance per type allocated in arenas that needs it). */
fn arena_drop_at<T>(at: *mut u8) { unsafe { std::ptr::drop_in_place(at as *mut T); } }

/** Chunks grow from this size by doubling... */
const ARENA_FIRST_CHUNK: usize = 1024;
/** ...up to this one; a value larger than a chunk gets a chunk of its own. */
const ARENA_MAX_CHUNK: usize = 4194304;

/**
 * The storage behind an `Arena`: blocks of bytes (`chunks`, with their sizes) of which the
 * last is filled from `cursor` up to `end` (addresses), and the values that need dropping,
 * in allocation order. `id` is the arena's identity, fresh from a process-wide counter at
 * creation and at each `reset`: the handles carry it.
 */
class ArenaStore { id: u64, chunks: Vec<(*mut u8, usize)>, cursor: usize, end: usize, next_chunk: usize, drops: Vec<ArenaDrop>, count: usize, bytes: usize }

/** A never-repeated arena id: `random_keys` adds a process-wide counter to the first key. */
fn arena_fresh_id() -> u64 {
    let (a, b) = std::hash::random_keys();
    a
}

impl ArenaStore {
    /** `size` bytes aligned to `align` (a power of two at most 16) from the current chunk, or a new one. */
    fn bump(&mut self, size: usize, align: usize) -> usize {
        let at = (self.cursor + align - 1) & !(align - 1);
        if self.cursor != 0 && at <= self.end && size <= self.end - at {
            self.cursor = at + size;
            return at;
        }
        let mut chunk = self.next_chunk;
        if self.next_chunk < ARENA_MAX_CHUNK { self.next_chunk *= 2; }
        if chunk < size { chunk = size; }
        // Blocks from the allocator are 16-aligned, so the chunk's start suits any T.
        let start = unsafe { std::ptr::alloc::<u8>(chunk) };
        self.chunks.push((start, chunk));
        self.bytes += chunk;
        self.cursor = start as usize + size;
        self.end = start as usize + chunk;
        start as usize
    }

    /** Drops the values (in allocation order) and frees the chunks of a store being retired. */
    fn release(drops: Vec<ArenaDrop>, chunks: Vec<(*mut u8, usize)>) {
        for d in drops {
            let run = d.run;
            run(d.at);
        }
        for (p, n) in chunks { unsafe { std::ptr::free(p); } }
    }
}

impl Drop for ArenaStore {
    fn drop(&mut self) { ArenaStore::release(self.drops, self.chunks); }
}

/**
 * Bump allocation (`std::mem::Arena`): values of any type are placed one after the other
 * in large chunks, and all of them are dropped and freed at once, when the arena goes (or
 * at `reset`). `alloc(v)` returns an `ArenaRef<T>` handle; `arena[r]` reads a copy,
 * `arena[r] = v` replaces, `arena[r].x += 1` changes in place. An `Arena` has identity:
 * a copy is the same arena (its handles work with both), like a class.
 */
pub struct Arena { store: ArenaStore }

impl Arena {
    /** An empty arena (the first chunk is allocated with the first value). */
    pub fn new() -> Arena { Arena::with_capacity(ARENA_FIRST_CHUNK) }

    /** An empty arena whose first chunk will hold `bytes` bytes. */
    pub fn with_capacity(bytes: usize) -> Arena {
        let first = if bytes == 0 { ARENA_FIRST_CHUNK } else { bytes };
        Arena { store: ArenaStore { id: arena_fresh_id(), chunks: Vec::new(), cursor: 0, end: 0, next_chunk: first, drops: Vec::new(), count: 0, bytes: 0 } }
    }

    /** Moves `value` into the arena: its handle. Amortized constant time, mostly a pointer bump. */
    pub fn alloc<T>(&self, value: T) -> ArenaRef<T> {
        let size = std::mem::size_of::<T>();
        let mut align = std::mem::align_of::<T>();
        if align > 16 { align = 16; }
        let at = self.store.bump(size, align);
        let p = at as *mut T;
        unsafe { p.write(value); }
        if std::mem::needs_drop::<T>() { self.store.drops.push(ArenaDrop { at: at as *mut u8, run: arena_drop_at::<T> }); }
        self.store.count += 1;
        ArenaRef { arena: self.store.id, ptr: p }
    }

    /** The address behind `r`, after checking that `r` is this arena's (panics otherwise). */
    fn check<T>(&self, r: &ArenaRef<T>) -> *mut T {
        if r.arena != self.store.id {
            panic("ArenaRef used with an arena that did not allocate it (another arena, or this one before a reset)");
        }
        r.ptr
    }

    /** A copy of the value `r` names (panics for another arena's handle). */
    pub fn get<T>(&self, r: ArenaRef<T>) -> T { unsafe { self.check(&r).read() } }

    /** Replaces the value `r` names, dropping the old one. */
    pub fn set<T>(&mut self, r: ArenaRef<T>, value: T) {
        let p = self.check(&r);
        // The old value is dropped once the new one is in place: its drop runs code that
        // may read the arena.
        let old = unsafe { p.take() };
        unsafe { p.write(value); }
    }

    /** Whether `r` was allocated by this arena since its last `reset`. */
    pub fn owns<T>(&self, r: ArenaRef<T>) -> bool { r.arena == self.store.id }

    /** How many values were allocated (since the last `reset`). */
    pub fn len(&self) -> usize { self.store.count }
    pub fn is_empty(&self) -> bool { self.store.count == 0 }
    /** Bytes in the arena's chunks (what it holds from the allocator). */
    pub fn allocated_bytes(&self) -> usize { self.store.bytes }
    /** How many chunks (blocks from the allocator) hold the values. */
    pub fn chunk_count(&self) -> usize { self.store.chunks.len() }

    /**
     * Drops every value and starts again, keeping the largest chunk for the next values.
     * The arena gets a new id: every handle from before is refused from now on.
     */
    pub fn reset(&mut self) {
        // With a second `Arena` value for this arena, a call like `f(&mut arena[r], other)`
        // could reset it while the place is in use: only the arena's sole owner may.
        if !std::rc::is_unique(&self.store) {
            panic("Arena::reset needs the only copy of the arena, but it has been copied");
        }
        let s = self.store;
        s.id = arena_fresh_id();
        let drops = s.drops;
        let mut chunks = s.chunks;
        s.drops = Vec::new();
        s.chunks = Vec::new();
        s.cursor = 0;
        s.end = 0;
        s.count = 0;
        s.bytes = 0;
        // The drops may allocate in this arena again: the old chunks stay out of reach
        // until every old value is gone.
        let kept = chunks.pop();
        ArenaStore::release(drops, chunks);
        match kept {
            Some((p, n)) => {
                if s.chunks.is_empty() {
                    s.chunks.push((p, n));
                    s.bytes += n;
                    s.cursor = p as usize;
                    s.end = p as usize + n;
                } else {
                    unsafe { std::ptr::free(p); }
                }
            }
            None => {}
        }
    }
}

impl Default for Arena { fn default() -> Arena { Arena::new() } }

impl<T> Index<ArenaRef<T>> for Arena {
    type Output = T;
    /** `arena[r]`: a copy of the value (panics for another arena's handle). */
    fn index(&self, r: ArenaRef<T>) -> T { unsafe { self.check(&r).read() } }
}

impl<T> IndexMut<ArenaRef<T>> for Arena {
    fn index_set(&mut self, r: ArenaRef<T>, value: T) { self.set(r, value); }
}

impl<T> IndexPlace<ArenaRef<T>> for Arena {
    /** `arena[r].x += 1`: the value's address (values never move). */
    fn index_place(&mut self, r: ArenaRef<T>) -> *mut T { self.check(&r) }
}
