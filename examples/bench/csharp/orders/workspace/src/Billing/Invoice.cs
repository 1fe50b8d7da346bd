using System.Globalization;
using System.Text;
using Orders.Ordering;

namespace Orders.Billing;

/// <summary>What the customer pays for an order, line by line.</summary>
public sealed record Invoice(IReadOnlyList<InvoiceLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Amount);

    public static Invoice For(Order order) =>
        new([.. order.Lines.Select(l => new InvoiceLine(l.Product.Name, l.Quantity, l.Amount))]);

    /// <summary>The invoice as text: a line per product ("2 x tea  7.00"), then "total  9.50".</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var line in Lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"{line.Quantity} x {line.Name}  {line.Amount:0.00}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"total  {Total:0.00}\n");
        return text.ToString();
    }
}

public sealed record InvoiceLine(string Name, int Quantity, decimal Amount);
