namespace Banking;

/// <summary>An account with a balance that never goes below zero.</summary>
public sealed class Account(string id)
{
    public string Id { get; } = id;

    public decimal Balance { get; private set; }

    public void Deposit(decimal amount)
    {
        RequirePositive(amount);
        Balance += amount;
    }

    /// <exception cref="InvalidOperationException">The balance is less than the amount.</exception>
    public void Withdraw(decimal amount)
    {
        RequirePositive(amount);
        if (Balance < amount)
        {
            throw new InvalidOperationException($"Account {Id} has {Balance}, less than {amount}.");
        }

        Balance -= amount;
    }

    private static void RequirePositive(decimal amount)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount is more than zero.");
        }
    }
}
