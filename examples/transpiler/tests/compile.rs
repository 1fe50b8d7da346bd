//! End to end: generated code compiles with rustc and prints what the Tiny program means.

use std::process::Command;

#[test]
fn a_numeric_program_compiles_and_runs() {
    let source = "\
fn gcd(a: int, b: int) -> int {
    while b != 0 {
        let t = b;
        b = a % b;
        a = t;
    }
    return a;
}

fn main() {
    let xs = [12, 18, 27];
    let g = xs[0];
    for x in xs {
        g = gcd(g, x);
    }
    print(\"gcd\", g, \"half\", float(g) / 2.0, max(g, 5) > 4);
}
";
    let rust = tiny::transpile(source, "gcd.tiny").expect("transpiles");
    let dir = std::env::temp_dir().join(format!("tiny-compile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("gcd.rs"), rust).unwrap();

    let build = Command::new("rustc")
        .args(["--edition=2021", "-o"])
        .arg(dir.join("gcd"))
        .arg(dir.join("gcd.rs"))
        .output()
        .expect("rustc runs");
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let run = Command::new(dir.join("gcd")).output().expect("the program runs");

    assert_eq!(String::from_utf8_lossy(&run.stdout), "gcd 3 half 1.5 true\n");
}
