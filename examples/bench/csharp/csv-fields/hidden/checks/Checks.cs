using Csv;

// The hidden acceptance checks: `dotnet run` runs them and exits 1 when any fails.
var passed = 0;
var failed = 0;

void Fields(string line, params string[] expected) =>
    Equal(string.Join(" | ", expected), string.Join(" | ", CsvLine.Split(line)));

Check("plain fields", () => Fields("a,b,c", "a", "b", "c"));
Check("empty fields count", () => { Fields(",x,", "", "x", ""); Fields("", ""); });
Check("quoted commas stay in the field", () => Fields("a,\"b,c\",d", "a", "b,c", "d"));
Check("doubled quotes are one quote", () => Fields("\"say \"\"hi\"\"\",x", "say \"hi\"", "x"));
Check("an empty quoted field", () => Fields("\"\",1", "", "1"));
Check("join and split round-trip", () =>
{
    string[] fields = ["plain", "with, comma", "with \"quotes\"", "", "\","];
    Fields(CsvLine.Join(fields), fields);
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
