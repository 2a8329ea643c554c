using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using ModelContextProtocol.Client;

namespace MtMcp.Benchmarks;

/// <summary>
/// The real <c>mtmcp serve</c> process (the Release build of src/MtMcp.Cli, which this project builds first) and an
/// SDK client for it, as users run it: <c>dotnet mtmcp.dll --data-dir DIR serve [--http]</c>.
/// </summary>
internal static class ServerProcess
{
    /// <summary>The arguments of one <c>get_quote</c> call: one symbol, as a client asks most often.</summary>
    public static readonly IReadOnlyDictionary<string, object?> QuoteArguments = new Dictionary<string, object?> { ["symbols"] = new[] { "EURUSD" } };

    private static readonly Lazy<string> s_cliPath = new(FindCli);
    private static readonly Lazy<string> s_readyToRunPath = new(PublishReadyToRun);

    /// <summary>The CLI's entry assembly, as built (every method compiled by the JIT when first called).</summary>
    public static string CliPath => s_cliPath.Value;

    /// <summary>
    /// The CLI published for this machine's platform with ReadyToRun code, as the container image ships it (and as
    /// <c>dotnet publish -r RID -p:PublishReadyToRun=true</c> installs it): published once per benchmark process.
    /// </summary>
    public static string ReadyToRunCliPath => s_readyToRunPath.Value;

    /// <summary>A throwaway data directory.</summary>
    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "mtmcp-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes a data directory made by <see cref="NewDataDirectory"/>.</summary>
    public static void DeleteDataDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing its journal: the temp folder is cleaned up by the system later.
        }
    }

    /// <summary>Starts <c>serve</c> over stdio and connects the SDK client to it (initialize included).</summary>
    public static Task<McpClient> ConnectStdioAsync(string dataDirectory, string? cliPath = null) =>
        McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "mtmcp",
            Command = "dotnet",
            Arguments = [cliPath ?? CliPath, "--data-dir", dataDirectory, "serve"],
            StandardErrorLines = _ => { },
        }));

    /// <summary>Starts <c>serve --http</c> on a free loopback port and waits until <c>/healthz</c> answers.</summary>
    public static async Task<(Process Process, Uri Endpoint)> StartHttpAsync(string dataDirectory)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { CliPath, "--data-dir", dataDirectory, "serve", "--http", "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var root = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(root, "healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return (process, new Uri(root, "mcp"));
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
            }

            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                Stop(process);
                throw new InvalidOperationException("serve --http did not answer /healthz within 60 s");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Kills a server started by <see cref="StartHttpAsync"/>.</summary>
    public static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindCli()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "MtMcp.Cli", "bin", "Release", "net10.0", "mtmcp.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build src/MtMcp.Cli in Release.", path);
    }

    private static string PublishReadyToRun()
    {
        var root = RepositoryRoot();
        var output = Path.Combine(root, "bench", "MtMcp.Benchmarks", "BenchmarkDotNet.Artifacts", "mtmcp-readytorun");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     "publish", Path.Combine(root, "src", "MtMcp.Cli", "MtMcp.Cli.csproj"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
                     "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output,
                 })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? Path.Combine(output, "mtmcp.dll")
            : throw new InvalidOperationException($"dotnet publish -p:PublishReadyToRun=true failed: {stdout.Result}{stderr}");
    }

    // BenchmarkDotNet runs from a generated project below bench/: walk up to the repository root.
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MtMcp.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No MtMcp.slnx above {AppContext.BaseDirectory}.");
    }
}
