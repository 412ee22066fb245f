// A Vec of class references: the vector's copies share the buffer, the objects are
// shared by the copies' elements, and every object is dropped exactly once — when the
// last vector (or variable) holding it lets go.
class Job { id: i64 }

impl Drop for Job {
    fn drop(&mut self) { println("drop job {}", self.id); }
}

fn make(n: i64) -> Vec<Job> {
    let mut v = Vec::new();
    for i in 0..n { v.push(Job { id: i }); }
    v
}

fn main() {
    let jobs = make(3);
    let copy = jobs;          // shares the buffer
    let mut edited = jobs;
    edited.pop();             // copies the buffer first: `jobs` still has 3
    println("jobs {} copy {} edited {}", jobs.len(), copy.len(), edited.len());
    edited[0] = Job { id: 10 };
    println("edited[0] {} jobs[0] {}", edited[0].id, jobs[0].id);
    {
        let mut temporary = make(2);
        temporary.remove(0);
        println("temporary has {}", temporary.len());
    }
    println("end of main");
}
