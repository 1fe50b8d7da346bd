// Transpiled from: scheduler.py
struct Job {
    name: String,
}

fn run(job: Job) {
    println!("running {}", job.name);
}

fn main() {
    let job = Job { name: "backup".to_string() };
    for attempt in 0..3 {
        println!("attempt {attempt}");
        run(job);
    }
}
