using System.Text.Json;
using AngleSharp.Html.Parser;

namespace RoadmapGen.Tests.Previews;

/// <summary>JSON-LD and link-preview tags, as a search engine and a chat app read them.</summary>
public sealed class StructuredDataTests
{
    private static List<JsonElement> Graph(BuildResult build, string path)
    {
        var page = new HtmlParser().ParseDocument(build.Files.Single(f => f.Path == path).Html!);
        var scripts = page.QuerySelectorAll("script[type='application/ld+json']");
        Assert.Single(scripts);
        using var json = JsonDocument.Parse(scripts[0].TextContent);
        Assert.Equal("https://schema.org", json.RootElement.GetProperty("@context").GetString());
        return json.RootElement.GetProperty("@graph").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static JsonElement OfType(List<JsonElement> graph, string type) =>
        Assert.Single(graph, e => e.GetProperty("@type").GetString() == type);

    [Fact]
    public void Home_is_a_WebSite_a_roadmap_a_Course_of_all_its_topics_and_a_topic_has_breadcrumbs()
    {
        var build = RealSite.Build.Value;
        var website = OfType(Graph(build, "index.html"), "WebSite");
        Assert.Equal("https://roadmapgen.github.io/roadmap/", website.GetProperty("url").GetString());
        Assert.Equal("Backend Developer Roadmap", website.GetProperty("name").GetString());

        var course = OfType(Graph(build, "backend/index.html"), "Course");
        Assert.Equal("Organization", course.GetProperty("provider").GetProperty("@type").GetString());
        var topics = course.GetProperty("hasPart").EnumerateArray().ToList();
        var topicPages = build.Files.Count(f => f.IsHtml && f.Path.StartsWith("backend/", StringComparison.Ordinal)
            && f.Path.Count(c => c == '/') == 2 && f.Path != "backend/all/index.html");
        Assert.Equal(topicPages, topics.Count);
        Assert.All(topics, t => Assert.Equal("LearningResource", t.GetProperty("@type").GetString()));
        Assert.Contains(topics, t => t.GetProperty("url").GetString() == "https://roadmapgen.github.io/roadmap/backend/caching/");

        var topic = Graph(build, "backend/caching/index.html");
        var crumbs = OfType(topic, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], crumbs.Select(c => c.GetProperty("position").GetInt32()));
        Assert.All(crumbs, c => Assert.Equal("ListItem", c.GetProperty("@type").GetString()));
        Assert.Equal("https://roadmapgen.github.io/roadmap/backend/", crumbs[0].GetProperty("item").GetString());
        Assert.Equal("Caching", crumbs[2].GetProperty("name").GetString());
        Assert.Equal("https://roadmapgen.github.io/roadmap/backend/caching/", crumbs[2].GetProperty("item").GetString());
        Assert.True(OfType(topic, "LearningResource").TryGetProperty("dateModified", out _));
    }

    [Fact]
    public void A_title_that_closes_the_script_element_stays_a_string_inside_the_json()
    {
        using var site = new TinySite();
        const string hostile = "Alpha</script><script>alert(1)</script><!--";
        site.Replace("roadmaps/tiny/topics/alpha.md", "title: Alpha\n", $"title: \"{hostile}\"\n");

        var build = site.Build();

        var html = build.Files.Single(f => f.Path == "tiny/alpha/index.html").Html!;
        var page = new HtmlParser().ParseDocument(html);
        Assert.DoesNotContain(page.Scripts, s => s.TextContent.Contains("alert", StringComparison.Ordinal) && s.Type != "application/ld+json");
        var crumbs = OfType(Graph(build, "tiny/alpha/index.html"), "BreadcrumbList").GetProperty("itemListElement");
        Assert.Equal(hostile, crumbs[2].GetProperty("name").GetString());
        var json = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.DoesNotContain("<", json);
    }

    [Fact]
    public void Every_page_has_open_graph_and_twitter_tags_with_an_absolute_1200_by_630_png()
    {
        var build = RealSite.Build.Value;
        var parser = new HtmlParser();
        foreach (var file in build.Files.Where(f => f.IsHtml))
        {
            var head = parser.ParseDocument(file.Html!).Head!;
            string? Meta(string key) => head.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");
            foreach (var key in new[] { "og:title", "og:description", "og:type", "og:site_name", "og:image", "twitter:card", "twitter:title", "twitter:description", "twitter:image" })
                Assert.False(string.IsNullOrWhiteSpace(Meta(key)), $"{file.Path} has no {key}");
            Assert.Equal(head.QuerySelector("title")!.TextContent.Split(" · ")[0], Meta("og:title"));
            Assert.Equal(head.QuerySelector("meta[name=description]")!.GetAttribute("content"), Meta("og:description"));
            if (file.Path != "404.html") Assert.Equal(head.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), Meta("og:url"));
            // A topic's page, in any language of the site ("backend/http/", "es/backend/http/").
            var path = file.Path.StartsWith("es/", StringComparison.Ordinal) ? file.Path["es/".Length..] : file.Path;
            Assert.Equal(path.Count(c => c == '/') == 2 && path.StartsWith("backend/", StringComparison.Ordinal) && !path.StartsWith("backend/all/", StringComparison.Ordinal) ? "article" : "website", Meta("og:type"));
            Assert.Equal("summary_large_image", Meta("twitter:card"));
        }

        var image = new Uri(parser.ParseDocument(build.Files.Single(f => f.Path == "index.html").Html!)
            .QuerySelector("meta[property='og:image']")!.GetAttribute("content")!);
        Assert.Equal("https", image.Scheme);
        var png = build.Files.Single(f => "/roadmap/" + f.Path == image.AbsolutePath).Content;
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        // IHDR: width and height, big-endian, at bytes 16–23.
        Assert.Equal(1200, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(630, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
