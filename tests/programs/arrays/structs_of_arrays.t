// Arrays inside structs and structs inside arrays, changed in place through fields and indices.
struct Particle { pos: [f64; 2], vel: [f64; 2], hits: i64 }

struct World { particles: [Particle; 3], ticks: i64 }

impl World {
    fn step(&mut self, dt: f64) {
        for i in 0..self.particles.len() {
            for d in 0..2 {
                self.particles[i].pos[d] += self.particles[i].vel[d] * dt;
                if self.particles[i].pos[d] > 1.0 {
                    self.particles[i].vel[d] = -self.particles[i].vel[d];
                    self.particles[i].hits += 1;
                }
            }
        }
        self.ticks += 1;
    }

    fn total_hits(&self) -> i64 {
        let mut h = 0;
        for p in self.particles { h += p.hits; }
        h
    }
}

fn main() {
    let p = Particle { pos: [0.0, 0.0], vel: [0.25, 0.5], hits: 0 };
    let mut w = World { particles: [p, p, p], ticks: 0 };
    w.particles[1].vel = [1.0, 0.125];
    w.particles[2].vel[0] = 0.75;
    for _ in 0..10 { w.step(0.5); }
    for i in 0..3 {
        println("particle {}: pos=({:.3}, {:.3}) hits={}", i, w.particles[i].pos[0], w.particles[i].pos[1], w.particles[i].hits);
    }
    println("ticks={} hits={}", w.ticks, w.total_hits());
}
