using Nightshift.Cli;

return await NightshiftApp.RunAsync(args, CliHost.FromProcess());
