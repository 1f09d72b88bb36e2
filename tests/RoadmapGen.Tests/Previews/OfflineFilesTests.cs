using System.Text.Json;
using System.Text.RegularExpressions;

namespace RoadmapGen.Tests.Previews;

/// <summary>What the service worker is given: its cache name, each roadmap's list, the app manifest.</summary>
public sealed partial class OfflineFilesTests
{
    [GeneratedRegex("""const BUILD = "([0-9a-f]{16})";""")]
    private static partial Regex BuildHash();

    private static string Hash(BuildResult build) =>
        BuildHash().Match(System.Text.Encoding.UTF8.GetString(build.Files.Single(f => f.Path == "sw.js").Content)).Groups[1].Value;

    [Fact]
    public void Cache_name_is_the_same_for_the_same_content_and_changes_with_any_topic()
    {
        using var site = new TinySite();
        var first = Hash(site.Build("/roadmap/"));
        var again = Hash(site.Build("/roadmap/"));
        site.Replace("roadmaps/tiny/topics/beta.md", "summary: What Beta is about.", "summary: What Beta is about, now.");
        var changed = Hash(site.Build("/roadmap/"));

        Assert.Matches("^[0-9a-f]{16}$", first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public void A_roadmaps_offline_list_names_all_its_pages_the_search_index_and_assets_and_nothing_missing()
    {
        var build = RealSite.Build.Value;
        var files = build.Files.Select(f => f.Path).ToHashSet();
        using var json = JsonDocument.Parse(RealSite.Text("backend/offline.json"));
        var pages = json.RootElement.GetProperty("pages").EnumerateArray().Select(e => e.GetString()!).ToList();
        var other = json.RootElement.GetProperty("files").EnumerateArray().Select(e => e.GetString()!).ToList();

        var topicPages = files.Where(p => p.StartsWith("backend/", StringComparison.Ordinal) && p.EndsWith("/index.html", StringComparison.Ordinal));
        Assert.Subset(pages.ToHashSet(), topicPages.Select(p => "/roadmap/" + p[..^"index.html".Length]).ToHashSet());
        Assert.Contains("/roadmap/", pages);
        Assert.Contains("/roadmap/search-index.json", other);
        Assert.Contains(other, f => f.StartsWith("/roadmap/assets/app.", StringComparison.Ordinal));
        Assert.Contains(other, f => f.StartsWith("/roadmap/assets/style.", StringComparison.Ordinal));
        foreach (var url in pages.Concat(other))
        {
            Assert.StartsWith("/roadmap/", url);
            var path = url["/roadmap/".Length..];
            Assert.True(files.Contains(path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path), $"{url} is listed but not built");
        }
    }

    [GeneratedRegex("""^const (LIST_ENDING) = "([^"]*)";$""", RegexOptions.Multiline)]
    private static partial Regex RouteLine();

    [Fact]
    public void Service_worker_knows_each_roadmaps_list_by_the_route_the_build_wrote_it_at()
    {
        var build = RealSite.Build.Value;
        var worker = RealSite.Text("sw.js");
        var given = RouteLine().Matches(worker).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var lists = build.Files.Where(f => f.Path.EndsWith("offline.json", StringComparison.Ordinal)).Select(f => "/roadmap/" + f.Path).ToList();

        Assert.NotEmpty(lists);
        Assert.All(lists, url => Assert.EndsWith(given["LIST_ENDING"], url));
        // What the worker recognises it is given: its source writes none of the site's URLs.
        var source = File.ReadAllText(Path.Combine(TestPaths.Templates, "offline", "sw.js"));
        Assert.DoesNotContain("\"/offline.json\"", source, StringComparison.Ordinal);
        Assert.DoesNotContain("/assets/", source, StringComparison.Ordinal);
        Assert.DoesNotContain("offline.html", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_worker_and_manifest_sit_at_the_base_paths_root_with_its_scope()
    {
        var build = RealSite.Build.Value;
        Assert.Contains(build.Files, f => f.Path == "sw.js");
        using var manifest = JsonDocument.Parse(RealSite.Text("manifest.webmanifest"));
        Assert.Equal("/roadmap/", manifest.RootElement.GetProperty("scope").GetString());
        Assert.Equal("/roadmap/", manifest.RootElement.GetProperty("start_url").GetString());
        Assert.Equal("Backend Developer Roadmap", manifest.RootElement.GetProperty("name").GetString());
        var icon = manifest.RootElement.GetProperty("icons")[0].GetProperty("src").GetString()!;
        Assert.Contains(build.Files, f => "/roadmap/" + f.Path == icon);
    }

    [Fact]
    public void Each_language_has_its_own_page_for_a_page_not_saved_which_saving_keeps_and_the_worker_picks_by_path()
    {
        // The deepest first: "/roadmap/es/…" is Spanish before "/roadmap/" takes the rest.
        Assert.Contains("""const NOT_SAVED = ["/roadmap/es/offline.html","/roadmap/offline.html"];""", RealSite.Text("sw.js"));
        foreach (var (folder, lang, heading) in new[] { ("", "en", "You are offline, and this page was not saved"), ("es/", "es", "Estás sin conexión y esta página no se guardó") })
        {
            var html = RealSite.Text(folder + "offline.html");
            Assert.Contains($"<html lang=\"{lang}\"", html);
            Assert.Contains($"<h1>{heading}</h1>", html);
            Assert.Contains($"<a class=\"button\" href=\"/roadmap/{folder}\">", html);
            using var list = JsonDocument.Parse(RealSite.Text(folder + "backend/offline.json"));
            Assert.Contains($"/roadmap/{folder}offline.html", list.RootElement.GetProperty("pages").EnumerateArray().Select(e => e.GetString()));
        }
        Assert.DoesNotContain("offline.html", RealSite.Text("sitemap.xml"));
    }
}
