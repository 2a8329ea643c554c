using System.CommandLine;
using Spectre.Console;

namespace MtMcp.Cli;

/// <summary>
/// Shows a progress bar on standard error for long work when a person is watching (an interactive
/// terminal); stays silent when output is redirected, so scripts and pipes get clean output.
/// </summary>
internal static class Progress
{
    public static async Task<T> RunAsync<T>(ParseResult result, string title, int steps, Func<IProgress<int>, T> work)
    {
        var interactive = !Console.IsErrorRedirected && !Console.IsOutputRedirected
            && ReferenceEquals(result.InvocationConfiguration.Output, Console.Out);
        if (!interactive || steps <= 1)
        {
            return await Task.Run(() => work(new Progress<int>())).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(true)
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: steps);
                var reporter = new SynchronousProgress(done => task.Value = done);
                return await Task.Run(() => work(reporter)).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    // Progress<T> posts to a captured context; the bar wants the value as soon as it is reported.
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
