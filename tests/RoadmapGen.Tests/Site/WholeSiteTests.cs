using AngleSharp.Html.Parser;
using RoadmapGen.Core;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Site;

/// <summary>The real content, built the way CI and GitHub Pages build it.</summary>
public class WholeSiteTests
{
    private static readonly Lazy<BuildResult> Build = new(() =>
        SiteBuild.Run(new BuildOptions(TestPaths.Content, TestPaths.Templates, "/roadmap/")));

    [Fact]
    public void Real_content_builds_with_no_diagnostics_at_all()
    {
        Assert.Empty(Build.Value.Diagnostics.Sorted().Select(d => d.ToString()));
        Assert.True(Build.Value.LinksChecked > 1000);
    }

    [Fact]
    public void Every_topic_of_every_roadmap_has_its_page_under_the_base_path()
    {
        var files = Build.Value.Files.ToDictionary(f => f.Path);
        var roadmapsDir = Path.Combine(TestPaths.Content, "roadmaps");
        var parser = new HtmlParser();
        var count = 0;
        foreach (var roadmapDir in Directory.GetDirectories(roadmapsDir))
        {
            var id = Path.GetFileName(roadmapDir);
            var roadmapPage = parser.ParseDocument(files[$"{id}/index.html"].Html!);
            var diagramLinks = roadmapPage.QuerySelectorAll("ol.map a").Select(a => a.GetAttribute("href")).ToHashSet();
            foreach (var file in Directory.GetFiles(Path.Combine(roadmapDir, "topics"), "*.md"))
            {
                var slug = Path.GetFileNameWithoutExtension(file);
                Assert.True(files.ContainsKey($"{id}/{slug}/index.html"), $"no page for {id}/{slug}");
                Assert.Contains($"/roadmap/{id}/{slug}/", diagramLinks);
                count++;
            }
        }
        Assert.True(count >= 90, $"expected the full roadmap, found {count} topics");
    }

    [Fact]
    public void Topic_page_shows_prerequisites_resources_with_types_neighbours_and_edit_link()
    {
        var page = new HtmlParser().ParseDocument(Build.Value.Files.Single(f => f.Path == "backend/caching/index.html").Html!);
        Assert.Equal("Caching", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelectorAll(".relations a"));
        Assert.True(page.QuerySelectorAll(".resources li .badge").Length >= 2);
        Assert.NotNull(page.QuerySelector("a[rel=prev]"));
        Assert.NotNull(page.QuerySelector("a[rel=next]"));
        Assert.EndsWith("/edit/main/content/roadmaps/backend/topics/caching.md", page.QuerySelector(".edit a")!.GetAttribute("href"));
    }

    [Fact]
    public void Every_internal_url_in_every_page_starts_with_the_base_path()
    {
        var parser = new HtmlParser();
        foreach (var file in Build.Value.Files.Where(f => f.IsHtml))
        {
            var document = parser.ParseDocument(file.Html!);
            foreach (var url in document.QuerySelectorAll("[href],[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
            {
                if (url.StartsWith('/')) Assert.StartsWith("/roadmap/", url);
            }
        }
    }

    [Fact]
    public void Sitemap_robots_json_export_and_404_are_written()
    {
        var paths = Build.Value.Files.Select(f => f.Path).ToHashSet();
        Assert.Subset(paths, new HashSet<string> { "sitemap.xml", "robots.txt", "404.html", "backend/roadmap.json", "search-index.json", "backend/all/index.html", "topics/index.html", "about/index.html" });
        var sitemap = System.Text.Encoding.UTF8.GetString(Build.Value.Files.Single(f => f.Path == "sitemap.xml").Content);
        Assert.Contains("/backend/caching/</loc>", sitemap);
    }

    [Fact]
    public void The_sitemap_lists_every_page_of_both_languages_but_the_404_page_and_each_languages_offline_page()
    {
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var sitemap = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(Build.Value.Files.Single(f => f.Path == "sitemap.xml").Content));
        var listed = sitemap.Root!.Elements(ns + "url").Select(u => new Uri(u.Element(ns + "loc")!.Value).AbsolutePath).ToHashSet();
        var pages = Build.Value.Files.Where(f => f.IsHtml).Select(f => "/roadmap/" + Routes.RouteOf(f.Path)).ToHashSet();

        Assert.Empty(listed.Except(pages));
        Assert.Equal(["/roadmap/404.html", "/roadmap/es/offline.html", "/roadmap/offline.html"], pages.Except(listed).Order(StringComparer.Ordinal));
        Assert.Contains("/roadmap/es/backend/caching/", listed);
    }

    [Fact]
    public void Roadmap_json_gives_another_site_absolute_urls_of_pages_that_exist()
    {
        var files = Build.Value.Files.ToDictionary(f => f.Path);
        using var json = System.Text.Json.JsonDocument.Parse(files["backend/roadmap.json"].Content);
        var site = new Uri("https://roadmapgen.github.io/roadmap/");
        var urls = new List<string> { json.RootElement.GetProperty("url").GetString()!, json.RootElement.GetProperty("allUrl").GetString()! };
        foreach (var stage in json.RootElement.GetProperty("stages").EnumerateArray())
            urls.AddRange(stage.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("url").GetString()!));

        Assert.True(urls.Count > 90);
        foreach (var url in urls)
        {
            Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var absolute), $"'{url}' is not absolute");
            Assert.StartsWith(site.AbsoluteUri, absolute.AbsoluteUri);
            Assert.True(files.ContainsKey(site.MakeRelativeUri(absolute) + "index.html"), $"{url} is not a page of the site");
        }
    }

    [Fact]
    public void External_links_in_topic_bodies_carry_noopener()
    {
        var parser = new HtmlParser();
        var external = Build.Value.Files.Where(f => f.IsHtml)
            .SelectMany(f => parser.ParseDocument(f.Html!).QuerySelectorAll("a[href^='http']")).ToList();
        Assert.NotEmpty(external);
        Assert.All(external, a => Assert.Contains("noopener", a.GetAttribute("rel") ?? ""));
    }
}
