// A tiny real program the tests run as a subprocess: `dummy <mode> [args...]`.
using Nightshift.Tests.Dummy;

switch (args.Length > 0 ? args[0] : "")
{
    case "hold-lock":
        return LockHolderMode.Run(args[1..]);
    case "journal-writer":
        return await JournalWriterMode.RunAsync(args[1..]);
    default:
        Console.WriteLine("dummy");
        return 0;
}
