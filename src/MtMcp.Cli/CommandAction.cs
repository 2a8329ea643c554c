using System.CommandLine;
using MtMcp.Data.Import;
using MtMcp.Data.Store;

namespace MtMcp.Cli;

/// <summary>Wraps command bodies so that expected failures print a clear message instead of a stack trace.</summary>
internal static class CommandAction
{
    /// <summary>Exit code for a user mistake or bad input.</summary>
    public const int UserError = 2;

    /// <summary>Exit code for an I/O failure.</summary>
    public const int IoError = 3;

    /// <summary>Exit code for a bug: an exception nobody expected.</summary>
    public const int InternalError = 70;

    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            try
            {
                return await body(result, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is UserErrorException or DataImportException or FormatException or KeyNotFoundException
                or MtMcp.Indicators.IndicatorException)
            {
                await error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
                return UserError;
            }
            catch (Exception exception) when (exception is MarketDataStoreException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
                return IoError;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("cancelled").ConfigureAwait(false);
                return UserError;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A bug: say so plainly and keep the details for the report.
                await error.WriteLineAsync($"internal error (please report it): {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
                await error.WriteLineAsync(exception.StackTrace).ConfigureAwait(false);
                return InternalError;
            }
        });
}
