using MtMcp.Cli;

// The composition root: the only place that hands the system clock and console to the application.
return await CliApplication.RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
