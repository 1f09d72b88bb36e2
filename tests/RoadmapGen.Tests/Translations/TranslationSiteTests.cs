using System.Xml.Linq;
using AngleSharp.Html.Parser;
using RoadmapGen.Diagnostics;
using RoadmapGen.Tests.Previews;

namespace RoadmapGen.Tests.Translations;

/// <summary>A site in two languages: the Spanish site is whole, linked both ways with the English one, and says what is not translated.</summary>
public sealed class TranslationSiteTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void The_spanish_site_has_every_page_under_es_in_spanish_where_translated()
    {
        using var site = new TranslatedSite();
        var build = site.Build();

        var alpha = Parser.ParseDocument(TranslatedSite.Html(build, "es/tiny/alpha/index.html"));
        Assert.Equal("es", alpha.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", alpha.DocumentElement.GetAttribute("dir"));
        Assert.Equal("Alfa", alpha.QuerySelector("h1")!.TextContent);
        Assert.Null(alpha.QuerySelector(".translation-notice"));
        // Its link to an untranslated topic, written as the source's file name, leads to that topic in the Spanish site.
        Assert.Equal("/es/tiny/beta/", alpha.QuerySelector(".prose a")!.GetAttribute("href"));
        Assert.Contains("Fundamentos", TranslatedSite.Html(build, "es/tiny/index.html"));
        Assert.Contains("Hoja de ruta diminuta", TranslatedSite.Html(build, "es/index.html"));
        Assert.Equal("Acerca de", Parser.ParseDocument(TranslatedSite.Html(build, "es/about/index.html")).QuerySelector("h1")!.TextContent);
        foreach (var file in new[] { "es/tiny/all/index.html", "es/topics/index.html", "es/search-index.json", "es/feed.xml", "es/tiny/roadmap.json", "es/tiny/offline.json" })
            Assert.Contains(build.Files, f => f.Path == file);
        Assert.Contains("/es/tiny/alpha/", TranslatedSite.Html(build, "es/search-index.json"));
        Assert.Contains("\"Alfa\"", TranslatedSite.Html(build, "es/search-index.json"));
        Assert.Contains("/es/tiny/beta/", TranslatedSite.Html(build, "es/tiny/offline.json"));
        // Shared files stay at the top: one 404 page, one worker, one sitemap.
        Assert.DoesNotContain(build.Files, f => f.Path is "es/404.html" or "es/sw.js" or "es/sitemap.xml" || f.Path.StartsWith("es/assets/", StringComparison.Ordinal));
    }

    [Fact]
    public void An_untranslated_topic_is_shown_in_english_with_a_notice_and_lang_en_on_its_text()
    {
        using var site = new TranslatedSite();
        var build = site.Build();

        var beta = Parser.ParseDocument(TranslatedSite.Html(build, "es/tiny/beta/index.html"));
        Assert.Equal("es", beta.DocumentElement.GetAttribute("lang"));
        Assert.Contains("aún no está traducida", beta.QuerySelector(".translation-notice")!.TextContent);
        Assert.Equal("Beta", beta.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", beta.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("en", beta.QuerySelector(".prose")!.GetAttribute("lang"));
        // Its link to Alpha stays in the Spanish site.
        Assert.Equal("/es/tiny/alpha/", beta.QuerySelector(".prose a")!.GetAttribute("href"));
    }

    [Fact]
    public void Words_a_translation_leaves_out_are_marked_english_on_spanish_pages_so_screen_readers_pronounce_them_right()
    {
        using var site = new TranslatedSite();
        // The stage's words are left untranslated, and Beta (untranslated) becomes optional with a note only in English.
        site.Tiny.Replace("translations/es/roadmaps/tiny/roadmap.yml", "stages:\n  basics:\n    title: Fundamentos\n    summary: La primera etapa.\n", "");
        site.Tiny.Replace("roadmaps/tiny/roadmap.yml", "topics: [alpha, beta]", "topics: [alpha, beta]\n    optional:\n      - topic: beta\n        note: Safe to skip on a first pass.");
        // Alpha's translation lists no resources and translates no questions: it shows the source's.
        site.Tiny.Replace("roadmaps/tiny/topics/alpha.md", "prerequisites: []\n", "prerequisites: []\nquestions:\n  - question: What is Alpha?\n    answer: The first topic.\n");
        var build = site.Build();

        var map = Parser.ParseDocument(TranslatedSite.Html(build, "es/tiny/index.html"));
        Assert.Equal("Basics", map.QuerySelector(".stage-title [lang=en]")!.TextContent);
        Assert.Equal("en", map.QuerySelector(".stage-summary")!.GetAttribute("lang"));
        Assert.Equal("en", map.QuerySelector("[data-topic=beta] .node-title")!.GetAttribute("lang"));
        // Alpha is translated: its title is Spanish, like the page, and carries no lang of its own.
        Assert.Equal("Alfa", map.QuerySelector("[data-topic=alpha] .node-title")!.TextContent);
        Assert.False(map.QuerySelector("[data-topic=alpha] .node-title")!.HasAttribute("lang"));
        var english = map.QuerySelectorAll("main [lang]").Select(e => (e.GetAttribute("lang"), e.TextContent.Trim())).ToList();
        Assert.Equal([("en", "Basics"), ("en", "The first stage."), ("en", "Beta")], english);

        var beta = Parser.ParseDocument(TranslatedSite.Html(build, "es/tiny/beta/index.html"));
        var note = beta.QuerySelector(".kind-optional p")!;
        Assert.Equal(("en", "Safe to skip on a first pass."), (note.GetAttribute("lang"), note.TextContent));
        Assert.Equal("Basics", beta.QuerySelector(".breadcrumbs li:nth-child(2) [lang=en]")!.TextContent);
        Assert.Equal("Alfa", beta.QuerySelector(".relations a")!.TextContent);
        Assert.False(beta.QuerySelector(".relations a")!.HasAttribute("lang"));
        var alpha = Parser.ParseDocument(TranslatedSite.Html(build, "es/tiny/alpha/index.html"));
        Assert.Equal(("en", "Alpha docs"), (alpha.QuerySelector("#resources-heading ~ ul a")!.GetAttribute("lang"), alpha.QuerySelector("#resources-heading ~ ul a")!.TextContent));
        Assert.Equal("en", alpha.QuerySelector(".check-yourself details")!.GetAttribute("lang"));
        Assert.Null(alpha.QuerySelector("#check-heading")!.Closest("[lang=en]"));
        var all = Parser.ParseDocument(TranslatedSite.Html(build, "es/tiny/all/index.html"));
        Assert.Equal("Basics", all.QuerySelector(".all-stage-title [lang=en]")!.TextContent);
        Assert.Equal("en", all.QuerySelector("#beta .prose")!.GetAttribute("lang"));
        Assert.False(all.QuerySelector("#alpha .prose")!.HasAttribute("lang"));

        // The English pages need no marks: their only lang attributes are the document's and the switcher's.
        foreach (var path in new[] { "tiny/index.html", "tiny/beta/index.html", "tiny/all/index.html" })
            Assert.All(Parser.ParseDocument(TranslatedSite.Html(build, path)).QuerySelectorAll("[lang]"),
                e => Assert.True(e.LocalName == "html" || e.Closest(".language-switcher") is not null, $"{path}: {e.OuterHtml}"));
    }

    [Fact]
    public void Each_language_has_its_own_open_graph_locale_and_web_app_manifest_in_its_words()
    {
        using var site = new TranslatedSite();
        var build = site.Build();

        foreach (var (path, own, other, manifest) in new[]
        {
            ("es/tiny/alpha/index.html", "es", "en", "/es/manifest.webmanifest"), ("tiny/alpha/index.html", "en", "es", "/manifest.webmanifest"),
        })
        {
            var page = Parser.ParseDocument(TranslatedSite.Html(build, path));
            Assert.Equal(own, page.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
            Assert.Equal([other], page.QuerySelectorAll("meta[property='og:locale:alternate']").Select(m => m.GetAttribute("content")));
            Assert.Equal(manifest, page.QuerySelector("link[rel=manifest]")!.GetAttribute("href"));
        }
        using var spanish = System.Text.Json.JsonDocument.Parse(TranslatedSite.Html(build, "es/manifest.webmanifest"));
        var app = spanish.RootElement;
        Assert.Equal("Hoja de ruta diminuta", app.GetProperty("name").GetString());
        Assert.Equal(("es", "ltr", "/es/", "/"), (app.GetProperty("lang").GetString(), app.GetProperty("dir").GetString(),
            app.GetProperty("start_url").GetString(), app.GetProperty("scope").GetString()));
        using var source = System.Text.Json.JsonDocument.Parse(TranslatedSite.Html(build, "manifest.webmanifest"));
        Assert.Equal(("Tiny Roadmap", "en", "/"), (source.RootElement.GetProperty("name").GetString(),
            source.RootElement.GetProperty("lang").GetString(), source.RootElement.GetProperty("start_url").GetString()));
    }

    [Fact]
    public void A_one_language_site_keeps_one_manifest_without_a_direction_and_an_english_locale()
    {
        using var site = new TinySite();
        var build = site.Build();

        var page = Parser.ParseDocument(TranslatedSite.Html(build, "tiny/alpha/index.html"));
        Assert.Equal("en", page.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
        Assert.Empty(page.QuerySelectorAll("meta[property='og:locale:alternate']"));
        Assert.Equal(["manifest.webmanifest"], build.Files.Select(f => f.Path).Where(p => p.EndsWith(".webmanifest", StringComparison.Ordinal)));
        using var manifest = System.Text.Json.JsonDocument.Parse(TranslatedSite.Html(build, "manifest.webmanifest"));
        Assert.False(manifest.RootElement.TryGetProperty("dir", out _));
    }

    [Fact]
    public void A_translated_roadmap_is_named_in_its_own_words_not_with_the_english_word_roadmap()
    {
        using var site = new TranslatedSite();
        site.Tiny.Replace("translations/es/roadmaps/tiny/roadmap.yml", "title: Diminuto\n", "title: Diminuto\nname: Hoja de ruta diminuta\n");
        var build = site.Build();

        var spanish = Parser.ParseDocument(TranslatedSite.Html(build, "es/tiny/index.html"));
        Assert.StartsWith("Hoja de ruta diminuta", spanish.Title);
        Assert.DoesNotContain("roadmap", spanish.QuerySelector("h1")!.TextContent, StringComparison.OrdinalIgnoreCase);
        var english = Parser.ParseDocument(TranslatedSite.Html(build, "tiny/index.html"));
        Assert.EndsWith("roadmap", english.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_translated_heading_keeps_its_source_id_so_links_to_a_section_work_in_every_language()
    {
        using var site = new TranslatedSite();
        site.Tiny.Replace("roadmaps/tiny/topics/beta.md", "[Alpha](alpha.md)", "[Alpha](alpha.md#key-ideas)");
        var build = site.Build();

        // Alpha's Spanish heading reads "Ideas clave" and keeps the English page's id, #key-ideas.
        var beta = Parser.ParseDocument(TranslatedSite.Html(build, "es/tiny/beta/index.html"));
        Assert.Equal("/es/tiny/alpha/#key-ideas", beta.QuerySelector(".prose a")!.GetAttribute("href"));
        var alpha = Parser.ParseDocument(TranslatedSite.Html(build, "es/tiny/alpha/index.html"));
        Assert.Equal("Ideas clave", alpha.GetElementById("key-ideas")?.TextContent.Trim());
    }

    [Fact]
    public void A_link_to_a_section_a_translation_lacks_opens_that_section_in_the_source_language()
    {
        using var site = new TranslatedSite();
        site.Tiny.Replace("roadmaps/tiny/topics/beta.md", "[Alpha](alpha.md)", "[Alpha](alpha.md#key-ideas)");
        // One level down, the Spanish heading no longer matches the English one, so it gets an id of its own.
        site.Tiny.Replace("translations/es/roadmaps/tiny/topics/alpha.md", "## Ideas clave", "### Ideas clave");
        var build = site.Build();

        var alpha = Parser.ParseDocument(TranslatedSite.Html(build, "es/tiny/alpha/index.html"));
        Assert.Null(alpha.GetElementById("key-ideas"));
        var beta = Parser.ParseDocument(TranslatedSite.Html(build, "es/tiny/beta/index.html"));
        Assert.Equal("/tiny/alpha/#key-ideas", beta.QuerySelector(".prose a")!.GetAttribute("href"));
        var english = Parser.ParseDocument(TranslatedSite.Html(build, "tiny/beta/index.html"));
        Assert.Equal("/tiny/alpha/#key-ideas", english.QuerySelector(".prose a")!.GetAttribute("href"));
    }

    [Fact]
    public void Every_page_links_its_other_language_both_ways_in_the_head_the_switcher_and_the_sitemap()
    {
        using var site = new TranslatedSite();
        var build = site.Build();

        foreach (var (path, own, other, otherUrl) in new[]
        {
            ("tiny/beta/index.html", "en", "es", "/es/tiny/beta/"), ("es/tiny/beta/index.html", "es", "en", "/tiny/beta/"),
            ("index.html", "en", "es", "/es/"), ("es/topics/index.html", "es", "en", "/topics/"),
        })
        {
            var page = Parser.ParseDocument(TranslatedSite.Html(build, path));
            var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
            Assert.Equal(otherUrl, alternates[other]);
            Assert.Equal("/" + path[..^"index.html".Length], alternates[own]);
            var switcher = page.QuerySelector(".language-switcher")!;
            Assert.Equal(otherUrl, switcher.QuerySelector($"a[hreflang={other}]")!.GetAttribute("href"));
            Assert.Equal(own, switcher.QuerySelector("a[aria-current=true]")!.GetAttribute("lang"));
        }

        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var urls = XDocument.Parse(TranslatedSite.Html(build, "sitemap.xml")).Root!.Elements(sitemap + "url").ToList();
        foreach (var loc in new[] { "/tiny/alpha/", "/es/tiny/alpha/" })
        {
            var url = urls.Single(u => u.Element(sitemap + "loc")!.Value == loc);
            var links = url.Elements(xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
            Assert.Equal("/tiny/alpha/", links["en"]);
            Assert.Equal("/es/tiny/alpha/", links["es"]);
        }
    }

    [Fact]
    public void A_topic_whose_english_source_changed_gets_a_warning_at_its_source_commit_line_and_a_notice_linking_the_english_page()
    {
        using var site = new TranslatedSite();
        var newest = site.ChangeSource("roadmaps/tiny/topics/alpha.md", "## Key ideas", "## Key ideas\n\nA new paragraph.\n\n## Caching headers");
        var build = site.Build();

        var warning = Assert.Single(build.Diagnostics.Sorted(), d => d.Code == Codes.TranslationBehind);
        Assert.EndsWith("translations/es/roadmaps/tiny/topics/alpha.md", warning.File);
        Assert.Equal(2, warning.Line);
        Assert.Contains("is behind its source", warning.Message);
        Assert.Contains("by 1 commit;", warning.Message);
        Assert.Contains("what changed: 2 lines added; new heading 'Caching headers'", warning.Message);
        Assert.Contains(newest, warning.Message);
        var alpha = Parser.ParseDocument(TranslatedSite.Html(build, "es/tiny/alpha/index.html"));
        var notice = alpha.QuerySelector(".translation-notice")!;
        Assert.Contains("(1 cambio)", notice.TextContent);
        // The interface is in Spanish too: the page's language is the strings' language.
        Assert.Equal("Idioma", alpha.QuerySelector(".language-switcher")!.GetAttribute("aria-label"));
        Assert.Equal("/tiny/alpha/", notice.QuerySelector("a")!.GetAttribute("href"));
        // Up to date again once the translator sets the newer commit.
        site.Tiny.Replace("translations/es/roadmaps/tiny/topics/alpha.md", site.SourceCommit, newest);
        Assert.DoesNotContain(site.Build().Diagnostics.Sorted(), d => d.Code == Codes.TranslationBehind);
    }

    [Fact]
    public void Commits_that_did_not_change_the_source_leave_its_translation_up_to_date()
    {
        using var site = new TranslatedSite();
        site.ChangeSource("roadmaps/tiny/topics/beta.md", "More about beta.", "More about beta, again.");
        var build = site.Build();

        Assert.DoesNotContain(build.Diagnostics.Sorted(), d => d.Code == Codes.TranslationBehind && d.File.EndsWith("alpha.md", StringComparison.Ordinal));
    }
}
