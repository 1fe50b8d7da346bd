using Duplicates;

// The hidden acceptance checks: `dotnet run` runs them and exits 1 when any fails.
var passed = 0;
var failed = 0;

// Runs Find on another thread and gives up after the limit: the quadratic version takes minutes here.
List<int> Within(TimeSpan limit, IReadOnlyList<int> values)
{
    var find = Task.Run(() => Repeats.Find(values));
    return find.Wait(limit) ? find.Result : throw new TimeoutException($"Find took more than {limit.TotalSeconds} s for {values.Count} values");
}

Check("repeats in the order they first repeat", () => Equal("3, 1", string.Join(", ", Repeats.Find([3, 1, 3, 2, 1, 3]))));
Check("no repeats, nothing", () => { Equal(0, Repeats.Find([]).Count); Equal(0, Repeats.Find([1, 2, 3]).Count); });
Check("negative numbers and zero", () => Equal("0, -4", string.Join(", ", Repeats.Find([0, -4, 0, 7, -4, -4]))));
Check("200000 distinct values are fast", () => Equal(0, Within(TimeSpan.FromSeconds(10), Enumerable.Range(0, 200_000).ToArray()).Count));
Check("200000 values with repeats are fast", () =>
{
    // 0..99999 twice, the second time backwards: 99999 repeats first, then 99998, ...
    var values = Enumerable.Range(0, 100_000).Concat(Enumerable.Range(0, 100_000).Reverse()).ToArray();
    var repeated = Within(TimeSpan.FromSeconds(10), values);
    Equal(100_000, repeated.Count);
    Equal((99_999, 0), (repeated[0], repeated[^1]));
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
