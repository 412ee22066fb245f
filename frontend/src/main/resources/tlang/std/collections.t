// The standard collections beyond `Vec` (`std::collections`): Stack, Queue, BinaryHeap,
// HashMap and HashSet. Part of the prelude module (Prelude.java appends this file to
// prelude.t). Like `Vec`, every collection is a value: a copy shares the buffer until
// one of the copies changes (copy-on-write).

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
 * The table behind a `HashMap`: `cap` slots (a power of two, or 0), each empty (hash 0)
 * or holding a key, its value and its hash (top bit set). Robin Hood linear probing:
 * an entry never sits further from its home slot than the entries it passed, so a
 * search stops early, and a removal shifts the following entries back (no tombstones).
 */
class HashTable<K, V> { hashes: *mut u64, keys: *mut K, values: *mut V, len: usize, cap: usize }

impl<K, V> HashTable<K, V> {
    fn empty() -> HashTable<K, V> {
        HashTable { hashes: std::ptr::null(), keys: std::ptr::null(), values: std::ptr::null(), len: 0, cap: 0 }
    }

    fn with_slots(cap: usize) -> HashTable<K, V> {
        if cap == 0 { return HashTable::empty(); }
        unsafe {
            let hashes: *mut u64 = std::ptr::alloc(cap);
            let mut i: usize = 0;
            while i < cap {
                hashes.add(i).write(0);
                i += 1;
            }
            HashTable { hashes, keys: std::ptr::alloc(cap), values: std::ptr::alloc(cap), len: 0, cap }
        }
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
                let s = self.hashes.add(i).read();
                if s == 0 {
                    self.hashes.add(i).write(h);
                    self.keys.add(i).write(move k);
                    self.values.add(i).write(move v);
                    self.len += 1;
                    return;
                }
                let resident = i.wrapping_sub(s as usize) & mask;
                if resident < dist {
                    // Robin Hood: the entry further from home takes the slot.
                    self.hashes.add(i).write(h);
                    h = s;
                    let rk = self.keys.add(i).take();
                    self.keys.add(i).write(move k);
                    k = rk;
                    let rv = self.values.add(i).take();
                    self.values.add(i).write(move v);
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
            let key = self.keys.add(slot).take();
            let value = self.values.add(slot).take();
            let mut i = slot;
            loop {
                let next = (i + 1) & mask;
                let s = self.hashes.add(next).read();
                if s == 0 || (next.wrapping_sub(s as usize) & mask) == 0 { break; }
                self.hashes.add(i).write(s);
                self.keys.add(i).write(self.keys.add(next).take());
                self.values.add(i).write(self.values.add(next).take());
                i = next;
            }
            self.hashes.add(i).write(0);
            self.len -= 1;
            (key, value)
        }
    }

    /** The first occupied slot at or after `from`, or `cap`. */
    fn next_occupied(&self, from: usize) -> usize {
        let mut i = from;
        unsafe {
            while i < self.cap && self.hashes.add(i).read() == 0 { i += 1; }
        }
        i
    }
}

impl<K, V> Drop for HashTable<K, V> {
    fn drop(&mut self) {
        unsafe {
            let mut i: usize = 0;
            while i < self.cap {
                if self.hashes.add(i).read() != 0 {
                    std::ptr::drop_in_place(self.keys.add(i));
                    std::ptr::drop_in_place(self.values.add(i));
                }
                i += 1;
            }
            if !self.hashes.is_null() {
                std::ptr::free(self.hashes);
                std::ptr::free(self.keys);
                std::ptr::free(self.values);
            }
        }
    }
}

/**
 * A hash map from keys `K` (`Hash + Eq`) to values `V`, hashed with SipHash-1-3.
 * Lookups, insertions and removals take expected constant time. The keys of the hash
 * are fixed (the same in every run, so iteration order is reproducible); `with_keys`
 * sets others.
 */
pub struct HashMap<K, V> { table: HashTable<K, V>, k0: u64, k1: u64 }

impl<K: Hash + Eq, V> HashMap<K, V> {
    pub fn new() -> HashMap<K, V> { HashMap::with_keys(0x0706050403020100, 0x0f0e0d0c0b0a0908) }

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
                let s = self.table.hashes.add(i).read();
                if s == 0 { return None; }
                if (i.wrapping_sub(s as usize) & mask) < dist { return None; }
                if s == hash && self.table.keys.add(i).read() == key { return Some(i); }
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
        let needed = self.table.len + additional;
        let unique = std::rc::is_unique(&self.table);
        if unique && needed * 8 <= self.table.cap * 7 { return; }
        let old = self.table;
        if needed * 8 <= old.cap * 7 {
            // Shared: a copy, slot for slot.
            let fresh: HashTable<K, V> = HashTable::with_slots(old.cap);
            unsafe {
                let mut i: usize = 0;
                while i < old.cap {
                    let s = old.hashes.add(i).read();
                    if s != 0 {
                        fresh.hashes.add(i).write(s);
                        fresh.keys.add(i).write(old.keys.add(i).read());
                        fresh.values.add(i).write(old.values.add(i).read());
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
                let s = old.hashes.add(i).read();
                if s != 0 {
                    if unique {
                        fresh.place(s, old.keys.add(i).take(), old.values.add(i).take());
                        old.hashes.add(i).write(0);
                    } else {
                        fresh.place(s, old.keys.add(i).read(), old.values.add(i).read());
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
                    let old = self.table.values.add(slot).take();
                    self.table.values.add(slot).write(value);
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
            Some(slot) => unsafe { Some(self.table.values.add(slot).read()) },
            None => None,
        }
    }

    /** `key`'s value, or `default` when it has none. */
    pub fn get_or(&self, key: &K, default: V) -> V {
        match self.find(&key, self.hash_of(&key)) {
            Some(slot) => unsafe { self.table.values.add(slot).read() },
            None => default,
        }
    }

    /** `key`'s value; when it has none, inserts `default` first. */
    pub fn get_or_insert(&mut self, key: K, default: V) -> V {
        let hash = self.hash_of(&key);
        match self.find(&key, hash) {
            Some(slot) => unsafe { self.table.values.add(slot).read() },
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
            Some(slot) => unsafe { self.table.values.add(slot).read() },
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
                let value = f(unsafe { self.table.values.add(slot).read() });
                self.make_room(0);
                unsafe {
                    let p = self.table.values.add(slot);
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
        unsafe { Some((self.table.keys.add(i).read(), self.table.values.add(i).read())) }
    }
}

pub struct HashMapKeys<K, V> { inner: HashMapIter<K, V> }

impl<K, V> Iterator for HashMapKeys<K, V> {
    type Item = K;
    fn next(&mut self) -> Option<K> {
        let i = self.inner.table.next_occupied(self.inner.slot);
        if i >= self.inner.table.cap { self.inner.slot = i; return None; }
        self.inner.slot = i + 1;
        unsafe { Some(self.inner.table.keys.add(i).read()) }
    }
}

pub struct HashMapValues<K, V> { inner: HashMapIter<K, V> }

impl<K, V> Iterator for HashMapValues<K, V> {
    type Item = V;
    fn next(&mut self) -> Option<V> {
        let i = self.inner.table.next_occupied(self.inner.slot);
        if i >= self.inner.table.cap { self.inner.slot = i; return None; }
        self.inner.slot = i + 1;
        unsafe { Some(self.inner.table.values.add(i).read()) }
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
    fn fmt(&self, f: &mut Formatter) {
        let mut it = self.iter();
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
