using Calendar;

// The hidden acceptance checks: `dotnet run` runs them and exits 1 when any fails.
var passed = 0;
var failed = 0;

Check("years divisible by 4 are leap years", () => Equal(true, Dates.IsLeapYear(2024)));
Check("other years are not", () => Equal(false, Dates.IsLeapYear(2023)));
Check("centuries are not, as a rule", () => { Equal(false, Dates.IsLeapYear(1900)); Equal(false, Dates.IsLeapYear(2100)); });
Check("unless divisible by 400", () => { Equal(true, Dates.IsLeapYear(2000)); Equal(true, Dates.IsLeapYear(1600)); });
Check("February follows the rule", () => { Equal(28, Dates.DaysInMonth(1900, 2)); Equal(29, Dates.DaysInMonth(2000, 2)); });
Check("years have their days", () => { Equal(365, Dates.DaysInYear(2100)); Equal(366, Dates.DaysInYear(2400)); });
Check("April has 30 days and month 13 none", () =>
{
    Equal(30, Dates.DaysInMonth(2023, 4));
    Throws<ArgumentOutOfRangeException>(() => Dates.DaysInMonth(2023, 13));
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
