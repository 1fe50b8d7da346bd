namespace Nightshift.Tests.Dummy;

/// <summary>The one-liners: exit codes, echo, environment, working directory, stdin, crash.</summary>
internal static class Basic
{
    public static int Exit(string code) => Arguments.Int(code);

    public static int Sleep(string seconds)
    {
        Thread.Sleep(Arguments.Seconds(seconds));
        return 0;
    }

    public static int Echo(string text)
    {
        Console.Out.WriteLine(text);
        return 0;
    }

    public static int EchoToStandardError(string text)
    {
        Console.Error.WriteLine(text);
        return 0;
    }

    public static int PrintWorkingDirectory()
    {
        Console.Out.WriteLine(Environment.CurrentDirectory);
        return 0;
    }

    /// <summary>Prints the variable; an unset one exits 1 so a test can tell "unset" from "empty".</summary>
    public static int PrintVariable(string name)
    {
        if (Environment.GetEnvironmentVariable(name) is not { } value)
        {
            Console.Error.WriteLine($"{name} is not set");
            return 1;
        }

        Console.Out.WriteLine(value);
        return 0;
    }

    public static int EchoStandardInput()
    {
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();
        input.CopyTo(output);
        return 0;
    }

    public static int Crash() => throw new InvalidOperationException("dummy crashed on purpose");

    public static int Usage(string[] args)
    {
        Console.Error.WriteLine($"dummy: unknown mode '{string.Join(' ', args)}'");
        return 64;
    }
}
