// Transpiled from: invoice.rb
#[derive(Debug, Clone, Copy)]
struct Money {
    cents: i64,
}

fn add(a: Money, b: Money) -> Money {
    Money { cents: a.cents + b.cents }
}

fn invoice_total(prices: &[Money], quantity: i64) -> Money {
    let mut subtotal = Money { cents: 0 };
    for p in prices {
        subtotal = add(subtotal, *p);
    }
    let tax = add(subtotal);
    subtotal * quantity + taxe
}

fn main() {
    let prices = [Money { cents: 250 }, Money { cents: 199 }];
    println!("{:?}", invoice_total(&prices, 2));
}
