using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>`dotnet pack` of the CLI makes a .NET tool whose command is <c>mtmcp</c> (packs the already built assemblies: cheap).</summary>
public sealed class PackagingTests
{
    [Fact]
    public async Task Pack_Cli_IsADotnetToolNamedMtmcp()
    {
        using var output = new TempDirectory();
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "pack", Path.Combine(SharedData.RepoRoot, "src", "MtMcp.Cli", "MtMcp.Cli.csproj"), "--no-build", "--no-restore",
                     "-c", tfm.Parent!.Name, "-o", output.Path, "-p:Version=9.9.9" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, await stdout + await stderr);

        var package = Path.Combine(output.Path, "MtMcp.Cli.9.9.9.nupkg");
        Assert.True(File.Exists(package), string.Join(", ", Directory.GetFiles(output.Path)));
        using var zip = ZipFile.OpenRead(package);
        var settings = zip.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.StartsWith("tools/net10.0/any/", settings.FullName, StringComparison.Ordinal);
        await using var stream = settings.Open();
        var command = XDocument.Load(stream).Descendants("Command").Single();
        Assert.Equal("mtmcp", command.Attribute("Name")?.Value);
        Assert.Equal("mtmcp.dll", command.Attribute("EntryPoint")?.Value);
        Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/MtMcp.Server.dll");
    }
}
