namespace Orders.Catalog;

/// <summary>Something we sell, at a net unit price.</summary>
public sealed record Product(string Sku, string Name, decimal Price);
