using Orders.Catalog;

namespace Orders.Ordering;

/// <summary>A customer's order: products from the catalog and how many of each.</summary>
public sealed class Order(ProductCatalog catalog)
{
    private readonly List<OrderLine> _lines = [];

    public IReadOnlyList<OrderLine> Lines => _lines;

    /// <summary>Adds a line, or adds to the quantity of the line that already has the product.</summary>
    public Order Add(string sku, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var product = catalog.Find(sku);
        var index = _lines.FindIndex(l => l.Product.Sku == sku);
        if (index >= 0)
        {
            _lines[index] = _lines[index] with { Quantity = _lines[index].Quantity + quantity };
        }
        else
        {
            _lines.Add(new OrderLine(product, quantity));
        }

        return this;
    }
}
