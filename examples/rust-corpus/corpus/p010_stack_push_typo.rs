// Transpiled from: stack.java
struct Stack {
    items: Vec<i32>,
}

impl Stack {
    fn push(&mut self, x: i32) {
        self.items.pusch(x);
    }

    fn peek(&self) -> Option<&i32> {
        self.items.last()
    }
}

fn main() {
    let mut s = Stack { items: Vec::new() };
    s.push(7);
    println!("{:?}", s.peek());
}
