namespace RoadmapGen.Tests.Previews;

/// <summary>The real content built once under a base path, shared by the tests of this folder.</summary>
public static class RealSite
{
    public static readonly Lazy<BuildResult> Build = new(() =>
        SiteBuild.Run(new BuildOptions(TestPaths.Content, TestPaths.Templates, "/roadmap/")));

    public static string Text(string path) =>
        System.Text.Encoding.UTF8.GetString(Build.Value.Files.Single(f => f.Path == path).Content);
}
