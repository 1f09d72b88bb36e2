using RoadmapGen.Render;

namespace RoadmapGen.Tests.Check;

/// <summary>A minimal valid page around a body, as the link checker's tests hand it pages.</summary>
internal static class CheckedPages
{
    public static OutputFile Page(string path, string body) => new()
    {
        Path = path, Html = $"<!doctype html><html><head><title>t</title></head><body>\n{body}\n</body></html>",
    };
}
