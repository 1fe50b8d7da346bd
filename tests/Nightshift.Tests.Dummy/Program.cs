using Nightshift.Tests.Dummy;

// A tiny real program the tests run as a subprocess: `dummy <mode> [args...]`, one file per mode.
switch (args.Length > 0 ? args[0] : "")
{
    case "journal-writer":
        return await JournalWriterMode.RunAsync(args[1..]);
    default:
        Console.WriteLine("dummy");
        return 0;
}
