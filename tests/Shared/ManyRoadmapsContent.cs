namespace RoadmapGen.TestSupport;

/// <summary>
/// A generated site of many roadmaps, for the tests of what a site's size changes: roadmaps
/// "r01"… titled "Number 1"…, each of one stage holding topics "t00"…, every topic with one
/// official resource. Compiled into both test projects, so a unit test and a browser test build
/// the same shape of site; each names the topics and writes their bodies.
/// </summary>
public static class ManyRoadmapsContent
{
    /// <param name="title">A topic's title, from its roadmap's number (from 1) and its own (from 0).</param>
    /// <param name="summary">A topic's summary, likewise.</param>
    /// <param name="body">A topic's Markdown below its front matter, likewise.</param>
    public static void Write(string content, int roadmaps, int perRoadmap,
        Func<int, int, string> title, Func<int, int, string> summary, Func<int, int, string> body)
    {
        File.WriteAllText(Path.Combine(content, "site.yml"), "title: Many\ndescription: A generated site of many roadmaps.\n");
        for (var r = 1; r <= roadmaps; r++)
        {
            var folder = Path.Combine(content, "roadmaps", $"r{r:00}");
            Directory.CreateDirectory(Path.Combine(folder, "topics"));
            var slugs = Enumerable.Range(0, perRoadmap).Select(i => $"t{i:00}").ToList();
            File.WriteAllText(Path.Combine(folder, "roadmap.yml"),
                $"title: Number {r}\nsummary: Roadmap {r}.\nstages:\n  - title: All\n    summary: Everything.\n    topics: [{string.Join(", ", slugs)}]\n");
            for (var i = 0; i < perRoadmap; i++)
                File.WriteAllText(Path.Combine(folder, "topics", slugs[i] + ".md"),
                    $"---\ntitle: {title(r, i)}\nsummary: {summary(r, i)}\nresources:\n  - title: Docs\n    url: https://example.com/{r}/{i}\n    type: official\n---\n\n{body(r, i)}");
        }
    }
}
