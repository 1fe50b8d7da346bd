using Banking;

// The hidden acceptance checks: `dotnet run` runs them and exits 1 when any fails.
var passed = 0;
var failed = 0;

(Account, Account) Pair(decimal first, decimal second)
{
    var a = new Account("a");
    var b = new Account("b");
    if (first > 0) a.Deposit(first);
    if (second > 0) b.Deposit(second);
    return (a, b);
}

Check("deposits and withdrawals still work", () =>
{
    var account = new Account("x");
    account.Deposit(10m);
    account.Withdraw(4m);
    Equal(6m, account.Balance);
    Throws<InvalidOperationException>(() => account.Withdraw(7m));
});
Check("a transfer moves the money", () =>
{
    var (a, b) = Pair(100m, 5m);
    Bank.Transfer(a, b, 30m);
    Equal((70m, 35m), (a.Balance, b.Balance));
});
Check("a transfer beyond the balance changes nothing and says what was there", () =>
{
    var (a, b) = Pair(20m, 0m);
    try
    {
        Bank.Transfer(a, b, 25m);
        throw new InvalidOperationException("no exception");
    }
    catch (InsufficientFundsException e)
    {
        Equal(20m, e.Available);
        Equal(25m, e.Requested);
        Equal("a", e.AccountId);
    }

    Equal((20m, 0m), (a.Balance, b.Balance));
});
Check("insufficient funds is an InvalidOperationException, also for Withdraw", () =>
{
    Equal(true, typeof(InvalidOperationException).IsAssignableFrom(typeof(InsufficientFundsException)));
    Throws<InsufficientFundsException>(() => new Account("z").Withdraw(1m));
});
Check("amounts must be positive and accounts different", () =>
{
    var (a, b) = Pair(10m, 10m);
    Throws<ArgumentOutOfRangeException>(() => Bank.Transfer(a, b, 0m));
    Throws<ArgumentException>(() => Bank.Transfer(a, a, 1m));
    Equal((10m, 10m), (a.Balance, b.Balance));
});
Check("the history lists every change in order", () =>
{
    var (a, b) = Pair(50m, 0m);
    Bank.Transfer(a, b, 20m);
    a.Withdraw(5m);
    Equal("50, -20, -5", string.Join(", ", a.History));
    Equal("20", string.Join(", ", b.History));
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
