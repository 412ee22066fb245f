// Two small state machines driven by integers: a DFA that decides divisibility by 3
// reading a number's binary digits (most significant first), and a turnstile fed by a
// deterministic pseudo-random event stream.

// --- DFA over bits: state = value mod 3 ---
fn dfa_step(state: i64, bit: i64) -> i64 {
    // (2 * state + bit) mod 3, written as an explicit transition table
    if state == 0 {
        if bit == 0 { 0 } else { 1 }
    } else if state == 1 {
        if bit == 0 { 2 } else { 0 }
    } else {
        if bit == 0 { 1 } else { 2 }
    }
}

fn highest_bit(n: i64) -> i64 {
    let mut p = 1;
    while p <= n / 2 {
        p *= 2;
    }
    p
}

fn divisible_by_3(n: i64) -> bool {
    let mut state = 0;
    let mut p = highest_bit(n);
    while p > 0 {
        let bit = n / p % 2;
        state = dfa_step(state, bit);
        p /= 2;
    }
    state == 0
}

// --- turnstile ---
// states: 0 = locked, 1 = unlocked, 2 = alarm
// events: 0 = coin, 1 = push, 2 = reset
fn state_name(s: i64) -> String {
    if s == 0 { "locked" } else if s == 1 { "unlocked" } else { "alarm" }
}

fn event_name(e: i64) -> String {
    if e == 0 { "coin" } else if e == 1 { "push" } else { "reset" }
}

fn next_state(s: i64, e: i64) -> i64 {
    if s == 2 {
        return if e == 2 { 0 } else { 2 };
    }
    if e == 0 {
        1
    } else if e == 1 {
        if s == 1 { 0 } else { 2 }
    } else {
        s
    }
}

fn lcg(x: i64) -> i64 {
    (x * 1103515245 + 12345) % 2147483648
}

fn main() {
    let mut mismatches = 0;
    let mut n = 1;
    let mut hits = 0;
    while n <= 3000 {
        let by_dfa = divisible_by_3(n);
        if by_dfa != (n % 3 == 0) {
            mismatches += 1;
        }
        if by_dfa { hits += 1; }
        n += 1;
    }
    println("dfa: {} multiples of 3 in 1..=3000, {} mismatches", hits, mismatches);
    println("dfa(9223372036854775807) = {}", divisible_by_3(9223372036854775807));
    println("dfa(9223372036854775806) = {}", divisible_by_3(9223372036854775806));

    let mut seed = 2024;
    let mut state = 0;
    let mut passes = 0;
    let mut alarms = 0;
    let mut step = 0;
    while step < 40 {
        seed = lcg(seed);
        let e = seed / 65536 % 3;
        let next = next_state(state, e);
        if state == 1 && e == 1 { passes += 1; }
        if next == 2 && state != 2 { alarms += 1; }
        if step < 12 {
            println("step {step}: {} --{}--> {}", state_name(state), event_name(e), state_name(next));
        }
        state = next;
        step += 1;
    }
    println("after {} events: state={} passes={} alarms={}", step, state_name(state), passes, alarms);
}
