namespace Nightshift.Tests.Dummy;

/// <summary>
/// Plays aider with <c>--message-file PATH</c>: prints where the prompt file is, writes <c>aider.txt</c> (the
/// prompt's first line) in the working directory, and prints aider's usage line.
/// </summary>
internal static class FakeAider
{
    public static int Run(string messageFile)
    {
        var prompt = File.ReadAllText(messageFile);
        Console.Out.WriteLine($"prompt file: {messageFile}");
        File.WriteAllText("aider.txt", prompt.Split('\n')[0] + "\n");
        Console.Out.WriteLine("Applied edit to aider.txt");
        Console.Out.WriteLine("Tokens: 1.2k sent, 345 received. Cost: $0.01 message, $0.02 session.");
        return 0;
    }
}
