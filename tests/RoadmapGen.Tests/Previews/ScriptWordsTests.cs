using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace RoadmapGen.Tests.Previews;

/// <summary>The scripts' words reach each page from its language's own fingerprinted file, kept for offline reading.</summary>
public sealed class ScriptWordsTests
{
    [Theory]
    [InlineData("backend/http/index.html", "en", "Copy", "Done")]
    [InlineData("es/backend/http/index.html", "es", "Copiar", "Completado")]
    [InlineData("es/backend/index.html", "es", "Copiar", "Completado")]
    [InlineData("404.html", "en", "Copy", "Done")]
    public void A_page_loads_the_scripts_words_of_its_language_from_a_fingerprinted_file_and_holds_none_itself(string path, string language, string copy, string done)
    {
        var build = RealSite.Build.Value;
        var page = new HtmlParser().ParseDocument(RealSite.Text(path));

        var words = Assert.Single(page.Scripts, s => s.HasAttribute("data-strings"));
        Assert.Matches($"^/roadmap/assets/strings\\.{language}\\.[0-9a-f]{{10}}\\.js$", words.Source);
        Assert.True(words.IsDeferred);
        // Deferred scripts run in page order: the words come before every script that shows one.
        var scripts = page.Scripts.Where(s => s.Source is not null && !s.Source.Contains("/theme.")).ToList();
        Assert.Same(words, scripts[0]);
        Assert.DoesNotContain(page.Scripts, s => s.Source is null && s.Type != "application/ld+json");

        var script = RealSite.Text(words.Source!["/roadmap/".Length..]);
        using var json = JsonDocument.Parse(Regex.Match(script, @"^roadmapgenStrings\((.*)\);\n$", RegexOptions.Singleline).Groups[1].Value);
        Assert.Equal(copy, json.RootElement.GetProperty("js.copy").GetString());
        Assert.Equal(done, json.RootElement.GetProperty("status.done").GetString());
        Assert.Single(build.Files, f => f.Path.StartsWith($"assets/strings.{language}.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("backend/offline.json")]
    [InlineData("es/backend/offline.json")]
    public void Saving_a_roadmap_for_offline_keeps_the_words_of_its_pages_language(string list)
    {
        using var json = JsonDocument.Parse(RealSite.Text(list));
        var files = json.RootElement.GetProperty("files").EnumerateArray().Select(e => e.GetString()!).ToList();
        var language = list.StartsWith("es/", StringComparison.Ordinal) ? "es" : "en";

        Assert.Contains(files, f => Regex.IsMatch(f, $"^/roadmap/assets/strings\\.{language}\\.[0-9a-f]{{10}}\\.js$"));
        var page = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(RealSite.Build.Value.Files.Single(f => f.Path == list.Replace("offline.json", "index.html")).Content));
        Assert.Contains(page.Scripts.Single(s => s.HasAttribute("data-strings")).Source, files);
    }
}
