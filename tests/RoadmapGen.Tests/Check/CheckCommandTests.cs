using RoadmapGen.Cli;

namespace RoadmapGen.Tests.Check;

/// <summary>`check DIR` on a folder another generator wrote: Hugo-style absolute and relative links.</summary>
public class CheckCommandTests : IDisposable
{
    private readonly TempDirs _temp = new();

    public void Dispose() => _temp.Dispose();

    private string HugoLikeSite()
    {
        var dir = _temp.New();
        void Write(string path, string html)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, $"<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"/css/main.min.css\"></head><body>{html}</body></html>");
        }
        Write("index.html", """<a href="/posts/">Posts</a> <a href="http://example.org/posts/first/">First</a>""");
        Write("posts/index.html", """<a href="/posts/first/">First</a> <a href="/posts/second/#setup">Second, setup</a>""");
        Write("posts/first/index.html", """<h2 id="intro">Intro</h2><a href="../second/">next</a> <a href="/posts/third/">missing</a>""");
        Write("posts/second/index.html", """<h2 id="install">Install</h2><a href="/posts/first/#intro">back</a>""");
        Directory.CreateDirectory(Path.Combine(dir, "css"));
        File.WriteAllText(Path.Combine(dir, "css", "main.min.css"), "body{}");
        return dir;
    }

    [Fact]
    public void Check_finds_broken_links_and_fragments_in_another_generators_output()
    {
        var dir = HugoLikeSite();
        var output = new StringWriter();
        var exit = CheckCommand.Run(dir, "/", "http://example.org/", output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.Contains("posts/first/index.html(1,") && l.Contains("RG0301") && l.Contains("/posts/third/"));
        Assert.Contains(lines, l => l.Contains("posts/index.html(1,") && l.Contains("RG0302") && l.Contains("#setup"));
        Assert.Equal(2, lines.Count(l => l.Contains(": error ")));
    }

    [Fact]
    public void Check_passes_a_clean_folder()
    {
        var dir = HugoLikeSite();
        File.WriteAllText(Path.Combine(dir, "posts", "first", "index.html"), "<h2 id=\"intro\">Intro</h2><a href=\"../second/\">next</a>");
        File.WriteAllText(Path.Combine(dir, "posts", "index.html"), "<a href=\"/posts/second/#install\">Second</a>");
        Assert.Equal(0, CheckCommand.Run(dir, "/", "http://example.org/", new StringWriter()));
    }
}
