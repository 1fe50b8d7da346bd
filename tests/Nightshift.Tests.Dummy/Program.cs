// A tiny real program the tests run as a subprocess. The first argument picks the mode; a new mode is
// one file and one line here.
using Nightshift.Tests.Dummy;

return args switch
{
    ["exit", var code] => Basic.Exit(code),
    ["sleep", var seconds] => Basic.Sleep(seconds),
    ["echo", var text] => Basic.Echo(text),
    ["stderr", var text] => Basic.EchoToStandardError(text),
    ["pwd"] => Basic.PrintWorkingDirectory(),
    ["env", var name] => Basic.PrintVariable(name),
    ["stdin"] => Basic.EchoStandardInput(),
    ["crash"] => Basic.Crash(),
    ["flood", var megabytes] => Flood.Run(megabytes),
    ["silent-then", var seconds] => Chatter.SilentThen(seconds),
    ["tick", var count, var milliseconds] => Chatter.Tick(count, milliseconds),
    ["ignore-sigterm", var seconds] => IgnoreSigterm.Run(seconds),
    ["spawn-children", var count, var seconds, .. var options] => SpawnChildren.Run(count, seconds, options),
    ["hold-lock", .. var rest] => LockHolderMode.Run(rest),
    ["journal-writer", .. var rest] => await JournalWriterMode.RunAsync(rest),
    ["fake-claude", ..] => FakeClaude.Run(),
    ["fake-hang"] => FakeHang.Run(),
    ["fake-aider", "--message-file", var messageFile, ..] => FakeAider.Run(messageFile),
    _ => Basic.Usage(args),
};
