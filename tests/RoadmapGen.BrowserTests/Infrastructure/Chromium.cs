namespace RoadmapGen.BrowserTests.Infrastructure;

/// <summary>Where the browser is, and whether its absence may skip the suite.</summary>
public static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("ROADMAPGEN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    // On a developer machine without a browser the suite is skipped; CI must never pass by skipping it.
    public static bool IsRequired => Environment.GetEnvironmentVariable("CI") == "true";

    public static string MissingMessage =>
        $"Chromium not found at {ExecutablePath} (install Debian's chromium package, or point ROADMAPGEN_CHROMIUM at a Chromium binary)";

    public static readonly string[] Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"];
}

/// <summary>A fact that needs Chromium: skipped where it is missing, except under CI, where it fails.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        // xunit 2 decides skipping when it discovers the test, so the check has to happen here.
        if (!Chromium.IsInstalled && !Chromium.IsRequired) Skip = Chromium.MissingMessage;
    }
}

/// <summary>A theory that needs Chromium: skipped where it is missing, except under CI, where it fails.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.IsRequired) Skip = Chromium.MissingMessage;
    }
}
