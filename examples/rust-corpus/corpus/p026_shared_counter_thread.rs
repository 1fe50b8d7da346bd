// Transpiled from: worker.java
use std::cell::RefCell;
use std::rc::Rc;
use std::thread;

fn main() {
    let hits = Rc::new(RefCell::new(0));
    let worker_hits = Rc::clone(&hits);
    let handle = thread::spawn(move || {
        *worker_hits.borrow_mut() += 1;
    });
    handle.join().unwrap();
    println!("hits = {}", hits.borrow());
}
