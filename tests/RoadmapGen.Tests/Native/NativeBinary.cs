using System.Diagnostics;

namespace RoadmapGen.Tests.Native;

/// <summary>
/// The natively compiled <c>roadmapgen</c> that <c>dotnet publish generator -c Release</c> makes
/// (.ci/run publishes it before the tests), run as a separate process the way a user runs it.
/// </summary>
public static class NativeBinary
{
    /// <summary>An upper bound so a hung process fails the test instead of hanging it; not a performance limit.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static string Path =>
        Environment.GetEnvironmentVariable("ROADMAPGEN_NATIVE") is { Length: > 0 } path
            ? path
            : System.IO.Path.Combine(TestPaths.RepoRoot, "generator", "bin", "Release", "net10.0",
                System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "publish", "roadmapgen");

    public static bool IsPublished => File.Exists(Path);

    // A developer who has not published skips these; CI publishes first and must never pass by skipping them.
    public static bool IsRequired => Environment.GetEnvironmentVariable("CI") == "true";

    public static string MissingMessage =>
        $"no native binary at {Path} (run `dotnet publish generator -c Release`, or point ROADMAPGEN_NATIVE at one)";

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args) => StartInfoOf(Path, workingDirectory, args);

    private static ProcessStartInfo StartInfoOf(string binary, string workingDirectory, string[] args)
    {
        if (!IsPublished) throw new FileNotFoundException(MissingMessage);
        var info = new ProcessStartInfo(binary)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // Output is compared as a user would read it, without CI annotations.
        info.Environment.Remove("GITHUB_ACTIONS");
        return info;
    }

    /// <summary>Runs a command to its end: exit code and everything it printed.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] args) =>
        RunCopyAsync(Path, workingDirectory, args);

    /// <summary>Runs a copy of the binary (placed elsewhere, perhaps without the files beside it).</summary>
    public static async Task<(int ExitCode, string Output)> RunCopyAsync(string binary, string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfoOf(binary, workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"roadmapgen {string.Join(' ', args)} did not finish");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>A fact that needs the published native binary: skipped where it is missing, except under CI, where it fails.</summary>
public sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
    {
        if (!NativeBinary.IsPublished && !NativeBinary.IsRequired) Skip = NativeBinary.MissingMessage;
    }
}
