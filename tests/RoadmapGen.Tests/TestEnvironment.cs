using System.Runtime.CompilerServices;

namespace RoadmapGen.Tests;

/// <summary>
/// Before any test runs: the highlight cache goes to a folder of this test run, never the
/// developer's ~/.cache/roadmapgen, for builds in this process and every process a test starts;
/// and the tests see the terminal's output even in GitHub Actions, where every step has
/// GITHUB_ACTIONS=true (a golden case asks for annotations itself, with github.txt).
/// </summary>
internal static class TestEnvironment
{
    public static string CacheFolder { get; } = Path.Combine(Path.GetTempPath(), "roadmapgen-tests", $"cache-{Environment.ProcessId}");

    [ModuleInitializer]
    internal static void UseATestCache()
    {
        Environment.SetEnvironmentVariable("ROADMAPGEN_CACHE", CacheFolder);
        Environment.SetEnvironmentVariable("GITHUB_ACTIONS", null);
    }
}
