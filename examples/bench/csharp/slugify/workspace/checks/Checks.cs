using Slugs;

// Checks of the slugs: `dotnet run` runs them and exits 1 when any fails.
var passed = 0;
var failed = 0;

Check("words are joined by hyphens", () => Equal("night-shift", Slug.From("Night Shift")));
Check("punctuation separates words once", () => Equal("hello-world", Slug.From("Hello, World!")));
Check("accents are dropped", () => Equal("creme-brulee", Slug.From("Crème brûlée")));

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
