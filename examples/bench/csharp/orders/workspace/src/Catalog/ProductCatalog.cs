namespace Orders.Catalog;

/// <summary>The products on sale, by SKU.</summary>
public sealed class ProductCatalog
{
    private readonly Dictionary<string, Product> _products = new(StringComparer.Ordinal);

    public void Add(Product product) => _products[product.Sku] = product;

    /// <exception cref="KeyNotFoundException">No product has that SKU.</exception>
    public Product Find(string sku) =>
        _products.TryGetValue(sku, out var product) ? product : throw new KeyNotFoundException($"No product '{sku}' in the catalog.");
}
