using Numerals;

// The hidden acceptance checks: `dotnet run` runs them and exits 1 when any fails.
var passed = 0;
var failed = 0;

Check("writing still works", () => { Equal("MCMXCIV", Roman.ToRoman(1994)); Equal("MMMCMXCIX", Roman.ToRoman(3999)); });
Check("simple numerals parse", () => { Equal(3, Roman.Parse("III")); Equal(2024, Roman.Parse("MMXXIV")); });
Check("subtractive pairs parse", () => { Equal(1994, Roman.Parse("MCMXCIV")); Equal(49, Roman.Parse("XLIX")); });
Check("lower case is read too", () => Equal(14, Roman.Parse("xiv")));
Check("every number round-trips", () =>
{
    for (var n = 1; n <= 3999; n++)
    {
        Equal(n, Roman.Parse(Roman.ToRoman(n)));
    }
});
Check("what is not a numeral is refused", () =>
{
    Throws<FormatException>(() => Roman.Parse(""));
    Throws<FormatException>(() => Roman.Parse("XIZ"));
    Throws<FormatException>(() => Roman.Parse("12"));
});
Check("TryParse says no without throwing", () =>
{
    Equal(true, Roman.TryParse("XL", out var forty));
    Equal(40, forty);
    Equal(false, Roman.TryParse("ABC", out _));
});

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
