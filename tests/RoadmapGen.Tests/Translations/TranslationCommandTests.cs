using RoadmapGen.Cli;

namespace RoadmapGen.Tests.Translations;

/// <summary>What translators run: the list of every translation's state, and a new translation started at the source's commit.</summary>
public sealed class TranslationCommandTests
{
    [Fact]
    public void The_list_shows_each_translation_up_to_date_behind_with_what_changed_or_missing()
    {
        using var site = new TranslatedSite();
        site.ChangeSource("pages/about.md", "This is a tiny site.", "This is a tiny site.\n\n## Who made it");
        var output = new StringWriter();

        var exit = TranslationsCommand.Run(site.Content, null, output);

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("Español (es): 3 up to date, 1 behind, 1 missing", text);
        Assert.Matches(@"up to date +\S*translations/es/roadmaps/tiny/topics/alpha\.md", text);
        Assert.Matches(@"behind by 1 +commit +\S*translations/es/pages/about\.md: 1 line added; new heading 'Who made it'", text);
        Assert.Matches(@"missing +\S*roadmaps/tiny/topics/beta\.md +\(start it: roadmapgen new translation es tiny/beta\)", text);
    }

    [Fact]
    public void A_new_translation_copies_the_source_with_its_commit_and_without_structure_and_builds()
    {
        using var site = new TranslatedSite();
        var output = new StringWriter();

        var exit = NewTranslation.Run(site.Content, "es", "tiny/beta", output);

        Assert.True(exit == 0, output.ToString());
        var written = File.ReadAllText(site.File("translations/es/roadmaps/tiny/topics/beta.md"));
        Assert.StartsWith($"---\nsource-commit: {site.SourceCommit}\ntitle: Beta\n", written);
        Assert.DoesNotContain("prerequisites", written);
        Assert.DoesNotContain("resources", written);
        Assert.Contains("Beta builds on [Alpha](alpha.md).", written);
        var build = site.Build();
        Assert.DoesNotContain("translation-notice", TranslatedSite.Html(build, "es/tiny/beta/index.html"));
        // Its resources are still the source's.
        Assert.Contains("https://example.com/beta", TranslatedSite.Html(build, "es/tiny/beta/index.html"));
    }

    [Fact]
    public void A_new_translation_into_a_language_the_site_does_not_have_creates_nothing()
    {
        using var site = new TranslatedSite();
        var output = new StringWriter();

        Assert.Equal(1, NewTranslation.Run(site.Content, "fr", "tiny/beta", output));
        Assert.Contains("'fr' is not a translated language of this site", output.ToString());
        Assert.False(Directory.Exists(site.File("translations/fr")));
    }
}
