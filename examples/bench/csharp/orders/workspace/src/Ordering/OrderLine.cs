using Orders.Catalog;

namespace Orders.Ordering;

public sealed record OrderLine(Product Product, int Quantity)
{
    public decimal Amount => Product.Price * Quantity;
}
