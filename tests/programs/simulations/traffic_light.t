// A traffic-light controller as a state machine over enums, driven by a tick counter
// and pedestrian button presses; nested matches on (state, event) tuples.
enum Light { Red, RedAmber, Green, Amber, Walk }

enum Event { Tick, Button, Fault, Reset }

struct Controller {
    light: Light,
    timer: u32,
    waiting: bool,
    cycles: u32,
    faults: u32,
}

fn duration(l: Light) -> u32 {
    match l {
        Light::Red => 4,
        Light::RedAmber => 1,
        Light::Green => 5,
        Light::Amber => 2,
        Light::Walk => 3,
    }
}

fn name(l: Light) -> char {
    match l {
        Light::Red => 'R',
        Light::RedAmber => 'r',
        Light::Green => 'G',
        Light::Amber => 'A',
        Light::Walk => 'W',
    }
}

impl Controller {
    fn handle(&mut self, e: Event) {
        let next = match (self.light, e) {
            (_, Event::Fault) => {
                self.faults += 1;
                Some2::Go(Light::Red, 10)
            },
            (_, Event::Reset) => Some2::Go(Light::Red, 1),
            (Light::Green, Event::Button) => {
                self.waiting = true;
                if self.timer > 2 { Some2::Go(Light::Green, 2) } else { Some2::Stay }
            },
            (_, Event::Button) => {
                self.waiting = true;
                Some2::Stay
            },
            (l, Event::Tick) if self.timer > 1 => {
                self.timer -= 1;
                let _ = l;
                Some2::Stay
            },
            (Light::Red, Event::Tick) if self.waiting => {
                self.waiting = false;
                Some2::Go(Light::Walk, duration(Light::Walk))
            },
            (Light::Red, Event::Tick) | (Light::Walk, Event::Tick) => Some2::Go(Light::RedAmber, duration(Light::RedAmber)),
            (Light::RedAmber, Event::Tick) => Some2::Go(Light::Green, duration(Light::Green)),
            (Light::Green, Event::Tick) => Some2::Go(Light::Amber, duration(Light::Amber)),
            (Light::Amber, Event::Tick) => {
                self.cycles += 1;
                Some2::Go(Light::Red, duration(Light::Red))
            }
        };
        if let Some2::Go(l, t) = next {
            self.light = l;
            self.timer = t;
        }
    }
}

enum Some2 { Stay, Go(Light, u32) }

fn main() {
    let mut c = Controller { light: Light::Red, timer: 4, waiting: false, cycles: 0, faults: 0 };
    let mut trace = [' '; 60];
    for t in 0..60 {
        let e = match t {
            7 | 30 => Event::Button,
            44 => Event::Fault,
            50 => Event::Reset,
            _ => Event::Tick,
        };
        c.handle(e);
        trace[t] = name(c.light);
    }
    for t in 0..60 {
        print("{}", trace[t]);
        if t % 20 == 19 { println(); }
    }
    println("cycles {} faults {} waiting {}", c.cycles, c.faults, c.waiting);
}
