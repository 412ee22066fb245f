// An elevator serving requests with the SCAN strategy; floors requested are bit flags.
enum Motion { Idle, Up, Down }

struct Elevator {
    floor: u32,
    motion: Motion,
    requests: u32, // bit i set: a stop is wanted at floor i
    travelled: u32,
    stops: u32,
}

impl Elevator {
    fn request(&mut self, f: u32) {
        self.requests |= 1 << f;
    }

    fn above(&self) -> bool {
        (self.requests >> (self.floor + 1)) != 0
    }

    fn below(&self) -> bool {
        (self.requests & ((1 << self.floor) - 1)) != 0
    }

    fn tick(&mut self) {
        if self.requests & (1 << self.floor) != 0 {
            self.requests &= !(1 << self.floor);
            self.stops += 1;
            println("  stop at {}", self.floor);
            return;
        }
        self.motion = match self.motion {
            Motion::Up if self.above() => Motion::Up,
            Motion::Down if self.below() => Motion::Down,
            _ if self.above() => Motion::Up,
            _ if self.below() => Motion::Down,
            _ => Motion::Idle,
        };
        match self.motion {
            Motion::Up => { self.floor += 1; self.travelled += 1; }
            Motion::Down => { self.floor -= 1; self.travelled += 1; }
            Motion::Idle => {}
        }
    }
}

fn main() {
    let mut e = Elevator { floor: 0, motion: Motion::Idle, requests: 0, travelled: 0, stops: 0 };
    let calls = [(0u32, 5u32), (0, 2), (3, 9), (6, 1), (7, 0), (12, 7), (13, 3), (25, 8)];
    for t in 0..40u32 {
        for call in calls {
            if call.0 == t {
                println("t={}: call to {}", t, call.1);
                e.request(call.1);
            }
        }
        e.tick();
    }
    println("at floor {}, travelled {}, {} stops, pending {:#b}", e.floor, e.travelled, e.stops, e.requests);
}
