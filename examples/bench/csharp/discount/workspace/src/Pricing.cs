namespace Shop;

public static class Pricing
{
    /// <summary>
    /// The price after a discount of <paramref name="percent"/> percent, rounded to cents with halves away
    /// from zero: 20% off 19.99 is 15.99.
    /// </summary>
    public static decimal Discounted(decimal price, int percent)
    {
        if (percent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A discount is between 0 and 100 percent.");
        }

        double factor = 1 - (percent / 100.0);
        return Math.Round(price * factor, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The total of a basket after the same discount on every price.</summary>
    public static decimal DiscountedTotal(IEnumerable<decimal> prices, int percent) =>
        prices.Sum(price => Discounted(price, percent));
}
