// Transpiled from: record.rb
struct Tag {
    label: String,
}

struct Record {
    id: u32,
    tag: Tag,
}

fn describe(r: &Record) -> String {
    format!("#{}", r.id)
}

fn main() {
    let record = Record { id: 9, tag: Tag { label: "urgent".to_string() } };
    let tag = record.tag;
    println!("{} {}", tag.label, describe(&record));
}
