using Shop;

// The hidden acceptance checks: `dotnet run` runs them and exits 1 when any fails.
var passed = 0;
var failed = 0;

Check("20% off 19.99 is 15.99", () => Equal(15.99m, Pricing.Discounted(19.99m, 20)));
Check("no discount keeps the price", () => Equal(10.00m, Pricing.Discounted(10m, 0)));
Check("a full discount is free", () => Equal(0m, Pricing.Discounted(42.5m, 100)));
Check("halves round away from zero", () => Equal(0.03m, Pricing.Discounted(0.05m, 50)));
Check("decimal stays exact", () => Equal(0.70m, Pricing.Discounted(0.7m, 0)));
Check("totals add the discounted prices", () => Equal(24.00m, Pricing.DiscountedTotal([10m, 20m], 20)));
Check("a discount over 100% is refused", () => Throws<ArgumentOutOfRangeException>(() => Pricing.Discounted(1m, 101)));

Console.WriteLine($"{passed} of {passed + failed} checks passed");
return failed == 0 ? 0 : 1;

void Check(string name, Action body)
{
    try
    {
        body();
        passed++;
        Console.WriteLine($"ok   {name}");
    }
    catch (Exception e)
    {
        failed++;
        Console.WriteLine($"FAIL {name}: {e.GetType().Name}: {e.Message}");
    }
}

void Equal<T>(T expected, T actual)
{
    if (!EqualityComparer<T>.Default.Equals(expected, actual))
    {
        throw new InvalidOperationException($"expected {expected}, got {actual}");
    }
}

void Throws<TException>(Action action)
    where TException : Exception
{
    try
    {
        action();
    }
    catch (TException)
    {
        return;
    }

    throw new InvalidOperationException($"expected {typeof(TException).Name}, but nothing was thrown");
}
