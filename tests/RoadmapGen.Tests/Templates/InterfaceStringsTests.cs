using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using RoadmapGen.Diagnostics;
using RoadmapGen.Render.Strings;
using RoadmapGen.Render.Templates;
using RoadmapGen.Render.Views;

namespace RoadmapGen.Tests.Templates;

/// <summary>The interface strings (templates/strings): complete in every language, strict, plural- and date-aware.</summary>
public sealed class InterfaceStringsTests : IDisposable
{
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        foreach (var folder in _folders) Directory.Delete(folder, recursive: true);
    }

    private static TemplateEngine RealTemplates(DiagnosticBag diagnostics) => TemplateEngine.Load(TestPaths.Templates, diagnostics)!;

    [Fact]
    public void Every_key_the_templates_use_is_in_every_strings_file_with_the_source_placeholders_and_the_plural_forms_its_language_needs()
    {
        var diagnostics = new DiagnosticBag();
        var engine = RealTemplates(diagnostics);
        Assert.Empty(diagnostics.Sorted().Select(d => d.ToString()));
        var source = engine.Strings.For("en")!;
        var tables = engine.Strings.Tables.ToList();
        Assert.Equal(["en", "es"], tables.Select(t => t.Language));
        Assert.True(engine.StringUses.Count > 100, $"only {engine.StringUses.Count} uses of t found");
        foreach (var table in tables)
        {
            foreach (var use in engine.StringUses)
                Assert.True(table.Entries.ContainsKey(use.Key), $"{table.Display} lacks '{use.Key}' ({use.File}({use.Line}))");
            foreach (var key in InterfaceStrings.CodeKeys)
                Assert.True(table.Entries.ContainsKey(key), $"{table.Display} lacks '{key}'");
            Assert.Equal(source.Entries.Keys.Order(), table.Entries.Keys.Order());
            foreach (var entry in table.Entries.Values)
            {
                Assert.True(entry.Placeholders.SequenceEqual(source.Entries[entry.Key].Placeholders),
                    $"{table.Display}({entry.Line}): '{entry.Key}' uses {string.Join(",", entry.Placeholders)}");
                if (entry.Plural is { } forms)
                    Assert.Equal(PluralRules.Categories(table.Language).Order(), forms.Keys.Order());
            }
        }
    }

    [Fact]
    public void No_strings_file_holds_a_key_that_nothing_asks_for()
    {
        var engine = RealTemplates(new DiagnosticBag());

        Assert.Empty(engine.Strings.Unused(engine.StringUses).Select(u => $"{u.Table.Display}({u.Entry.Line}): {u.Entry.Key}"));
    }

    [Fact]
    public void Every_key_the_scripts_read_is_in_every_languages_words_file_for_them()
    {
        var engine = RealTemplates(new DiagnosticBag());
        var scripts = Directory.GetFiles(Path.Combine(TestPaths.Templates, "assets"), "*.js")
            .Where(f => !f.EndsWith("minisearch.js") && !f.EndsWith("stemmer.js")).ToList();
        var keys = scripts.SelectMany(f => Regex.Matches(File.ReadAllText(f), @"""((?:[a-z]+)\.[a-z_]+)""").Select(m => m.Groups[1].Value))
            .Where(k => engine.Strings.For("en")!.Entries.ContainsKey(k) || k.StartsWith("js.", StringComparison.Ordinal)).ToList();
        // The states app.js labels by "status." + state.
        keys.AddRange(["status.todo", "status.doing", "status.done", "status.skip"]);

        Assert.True(keys.Count > 40, $"only {keys.Count} keys found in the scripts");
        foreach (var table in engine.Strings.Tables)
        {
            using var words = ScriptWords(table);
            foreach (var key in keys)
                Assert.True(words.RootElement.TryGetProperty(key, out _), $"{table.Language}'s words for the scripts lack '{key}', which a script reads");
        }
    }

    /// <summary>The object a words file hands to roadmapgenStrings.</summary>
    private static System.Text.Json.JsonDocument ScriptWords(StringTable table)
    {
        var script = Encoding.UTF8.GetString(ScriptStrings.Script(table));
        Assert.StartsWith("roadmapgenStrings({", script);
        Assert.EndsWith("});\n", script);
        return System.Text.Json.JsonDocument.Parse(script["roadmapgenStrings(".Length..^");\n".Length]);
    }

    private string Templates(string strings, string es, params (string Name, string Text)[] files)
    {
        var root = TestPaths.NewTempDir();
        _folders.Add(root);
        Directory.CreateDirectory(Path.Combine(root, "strings"));
        File.WriteAllText(Path.Combine(root, "strings", "en.yml"), strings + Code("en"));
        if (es.Length > 0) File.WriteAllText(Path.Combine(root, "strings", "es.yml"), es + Code("es"));
        foreach (var (name, text) in files.Append(("layouts/base", "{{ body }}")))
        {
            var path = Path.Combine(root, name + TemplateFolder.Extension);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        return root;
    }

    /// <summary>The keys the generator asks for, so a small strings file is complete.</summary>
    private static string Code(string language) => "\n"
        + "title:\n  not_found: x\n  not_saved: x\n  topic_index: x\n  topic_letter: x {letter}\n  whole_roadmap: x {roadmap}\n  roadmap_index: x\ndescription:\n  topic_index: x\n  roadmap_index: x {count} {site}\n"
        + "resource_type:\n" + string.Concat(new[] { "article", "video", "course", "book", "official", "tool", "podcast", "community" }.Select(t => $"  {t}: {t}\n"))
        + (language == "es"
            ? "date:\n  months: [enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre]\n  long: \"{day} de {month} de {year}\"\n"
            : "date:\n  months: [January, February, March, April, May, June, July, August, September, October, November, December]\n  long: \"{day} {month} {year}\"\n");

    private static ContentPage Page(string lang)
    {
        var site = new SiteView("Site", "About", null, "/", "/topics/", "/search-index.json", "/");
        var meta = new PageMeta("T", "d", "/x/", "page", null) { Lang = lang };
        return new ContentPage(new Chrome(site, new Dictionary<string, string>(), meta, [], []), new ContentView("T", "s", new TrustedHtml(""), null));
    }

    [Fact]
    public void A_key_one_language_lacks_is_an_error_at_the_template_line_that_asks_for_it_naming_the_file_to_add_it_to()
    {
        var root = Templates("nav:\n  home: Home\n  topics: Topics\n", "nav:\n  home: Inicio\n",
            ("pages/page", "<p>{{ t \"nav.home\" }}</p>\n<p>{{ t \"nav.topics\" }}</p>"));
        var diagnostics = new DiagnosticBag();

        TemplateEngine.Load(root, diagnostics);

        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(Codes.MissingString, error.Code);
        Assert.EndsWith("pages/page.sbn-html", error.File);
        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.Contains("'nav.topics'", error.Message);
        Assert.Contains("strings/es.yml", error.Message);
    }

    [Fact]
    public void A_page_in_a_language_without_the_key_fails_at_the_template_line_never_falling_back_to_English()
    {
        // A computed key cannot be checked before rendering: the page that asks fails.
        var root = Templates("kind:\n  a: English A\n", "kind:\n  b: Spanish B\n", ("pages/page", "<p>\n{{ t (\"kind.\" + \"a\") }}</p>"));
        var diagnostics = new DiagnosticBag();
        var run = TemplateEngine.Load(root, diagnostics)!.BeginRun(10);

        Assert.Null(run.Render(Page("es"), "es/x/index.html"));
        run.Report(diagnostics);

        var error = Assert.Single(diagnostics.Sorted(), d => d.IsError);
        Assert.Equal(Codes.MissingString, error.Code);
        Assert.Equal(2, error.Line);
        Assert.Contains("'kind.a' is missing from", error.Message);
        Assert.Contains("es.yml", error.Message);
    }

    [Fact]
    public void Translations_must_keep_the_placeholders_and_give_every_plural_form_their_language_has()
    {
        var root = Templates("home:\n  start: Start {roadmap}\n  topics:\n    one: \"{count} topic\"\n    other: \"{count} topics\"\n",
            "home:\n  start: Empezar {ruta}\n  topics:\n    one: \"{count} tema\"\n    other: \"{count} temas\"\n",
            ("pages/page", "{{ t \"home.start\" { roadmap: \"x\" } }}{{ t \"home.topics\" 2 }}"));
        var diagnostics = new DiagnosticBag();

        TemplateEngine.Load(root, diagnostics);

        var errors = diagnostics.Sorted();
        Assert.All(errors, e => Assert.Equal(Codes.StringMismatch, e.Code));
        Assert.All(errors, e => Assert.EndsWith("strings/es.yml", e.File));
        Assert.Contains(errors, e => e.Line == 2 && e.Message.Contains("{ruta}") && e.Message.Contains("{roadmap}"));
        // Spanish has CLDR's "many" (a whole million: "1 000 000 de temas").
        Assert.Contains(errors, e => e.Line == 3 && e.Message.Contains("add many"));
    }

    [Fact]
    public void A_strings_file_that_is_not_valid_YAML_is_an_error_at_its_line()
    {
        var root = Templates("nav:\n  home: Home\n  saved: Saved for offline: {count}\n", "", ("pages/page", "{{ t \"nav.home\" }}"));
        var diagnostics = new DiagnosticBag();

        Assert.Null(TemplateEngine.Load(root, diagnostics));

        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(Codes.YamlSyntax, error.Code);
        Assert.EndsWith("strings/en.yml", error.File);
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("en", 1, "1 topic on your path · updated 12 November 2026")]
    [InlineData("en", 2, "2 topics on your path · updated 12 November 2026")]
    [InlineData("es", 1, "1 tema en tu recorrido · actualizado el 12 de noviembre de 2026")]
    [InlineData("es", 17, "17 temas en tu recorrido · actualizado el 12 de noviembre de 2026")]
    [InlineData("es", 1_000_000, "1000000 de temas en tu recorrido · actualizado el 12 de noviembre de 2026")]
    public void Pages_are_written_in_their_language_with_its_plural_forms_and_dates(string lang, int count, string expected)
    {
        var root = Templates(
            "path:\n  topics:\n    one: \"{count} topic on your path\"\n    other: \"{count} topics on your path\"\n  updated: updated\n",
            "path:\n  topics:\n    one: \"{count} tema en tu recorrido\"\n    many: \"{count} de temas en tu recorrido\"\n    other: \"{count} temas en tu recorrido\"\n  updated: actualizado el\n",
            ("pages/page", $"<p>{{{{ t \"path.topics\" {count} }}}} · {{{{ t \"path.updated\" }}}} {{{{ t_date \"2026-11-12\" }}}}</p>"));
        var diagnostics = new DiagnosticBag();
        var run = TemplateEngine.Load(root, diagnostics)!.BeginRun(10);

        var html = Encoding.UTF8.GetString(run.Render(Page(lang), "x/index.html")!.Html);
        run.Report(diagnostics);

        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(expected, new HtmlParser().ParseDocument(html).QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void A_text_left_in_another_language_is_marked_with_its_lang_inside_a_translated_sentence_and_everything_stays_escaped()
    {
        var root = Templates("map:\n  pick: \"Pick one {choice} & {other}\"\n", "map:\n  pick: \"Elige <un> {choice} & {other}\"\n",
            ("pages/page", "<p id=\"marked\">{{ t \"map.pick\" { choice: (in_lang \"<db>\" \"en\"), other: \"<i>\" } }}</p>"
                + "<p id=\"plain\">{{ t \"map.pick\" { choice: (in_lang \"<db>\" null), other: \"<i>\" } }}</p><p id=\"alone\">{{ in_lang \"A & B\" \"en\" }}</p>"));
        var diagnostics = new DiagnosticBag();
        var run = TemplateEngine.Load(root, diagnostics)!.BeginRun(10);

        var html = Encoding.UTF8.GetString(run.Render(Page("es"), "x/index.html")!.Html);

        Assert.Empty(diagnostics.Sorted());
        Assert.Contains("<p id=\"marked\">Elige &lt;un&gt; <span lang=\"en\">&lt;db&gt;</span> &amp; &lt;i&gt;</p>", html);
        // Without a language it is the plain text, escaped as every value is.
        Assert.Contains("<p id=\"plain\">Elige &lt;un&gt; &lt;db&gt; &amp; &lt;i&gt;</p>", html);
        Assert.Contains("<p id=\"alone\"><span lang=\"en\">A &amp; B</span></p>", html);
    }

    [Fact]
    public void A_languages_words_file_holds_the_scripts_words_as_written_plural_forms_by_category_and_nothing_only_templates_use()
    {
        var root = Templates("js:\n  hello: \"Hi </script><b>& \\\"quoted\\\"\"\n  found:\n    one: \"{count} found\"\n    other: \"{count} found\"\nstatus:\n  done: Done\nnav:\n  home: Home\n",
            "js:\n  hello: Hola\n  found:\n    one: \"{count} encontrado\"\n    many: \"{count} de encontrados\"\n    other: \"{count} encontrados\"\nstatus:\n  done: Completado\nnav:\n  home: Inicio\n",
            ("pages/page", "{{ t \"nav.home\" }}"));
        var diagnostics = new DiagnosticBag();
        var engine = TemplateEngine.Load(root, diagnostics)!;

        Assert.Empty(diagnostics.Sorted());
        using var en = ScriptWords(engine.Strings.For("en")!);
        Assert.Equal("Hi </script><b>& \"quoted\"", en.RootElement.GetProperty("js.hello").GetString());
        Assert.Equal("{count} found", en.RootElement.GetProperty("js.found").GetProperty("one").GetString());
        Assert.Equal("Done", en.RootElement.GetProperty("status.done").GetString());
        Assert.False(en.RootElement.TryGetProperty("nav.home", out _));
        using var es = ScriptWords(engine.Strings.For("es")!);
        Assert.Equal(["js.hello", "js.found", "status.done"], es.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("{count} de encontrados", es.RootElement.GetProperty("js.found").GetProperty("many").GetString());
    }

    [Fact]
    public void A_word_of_the_scripts_one_language_lacks_is_an_error_at_the_source_languages_line_naming_the_file_to_add_it_to()
    {
        var root = Templates("nav:\n  home: Home\njs:\n  copy: Copy\n  copied: Copied\n", "nav:\n  home: Inicio\njs:\n  copy: Copiar\n",
            ("pages/page", "{{ t \"nav.home\" }}"));
        var diagnostics = new DiagnosticBag();

        TemplateEngine.Load(root, diagnostics);

        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(Codes.MissingString, error.Code);
        Assert.EndsWith("strings/en.yml", error.File);
        Assert.Equal((5, 3), (error.Line, error.Column));
        Assert.Contains("'js.copied' is missing from", error.Message);
        Assert.Contains("strings/es.yml", error.Message);
    }

    [Theory]
    [InlineData("en", 0, "other")]
    [InlineData("en", 1, "one")]
    [InlineData("en", 2, "other")]
    [InlineData("es", 1, "one")]
    [InlineData("es", 0, "other")]
    [InlineData("es", 1_000_000, "many")]
    [InlineData("es", 2_000_000, "many")]
    [InlineData("es", 1_000_001, "other")]
    [InlineData("ar", 0, "zero")]
    [InlineData("ar", 2, "two")]
    [InlineData("ar", 103, "few")]
    [InlineData("ar", 111, "many")]
    [InlineData("ar", 100, "other")]
    public void Counts_take_their_CLDR_plural_category(string language, long count, string category) =>
        Assert.Equal(category, PluralRules.Category(language, count));
}
