using RoadmapGen.Diagnostics;
using RoadmapGen.Tests.Previews;

namespace RoadmapGen.Tests.Translations;

/// <summary>Each mistake in a translation or in site.yml's languages is refused at its file and line, saying how to fix it.</summary>
public sealed class TranslationErrorTests
{
    private const string Alpha = "translations/es/roadmaps/tiny/topics/alpha.md";

    private static Diagnostic Only(BuildResult build, string code)
    {
        Assert.False(build.Succeeded);
        return Assert.Single(build.Diagnostics.Sorted(), d => d.Code == code);
    }

    [Fact]
    public void A_source_commit_git_does_not_have_is_an_error_at_its_line()
    {
        using var site = new TranslatedSite();
        site.Tiny.Replace(Alpha, site.SourceCommit, new string('a', 40));
        var error = Only(site.Run(), Codes.SourceCommitUnknown);

        Assert.EndsWith(Alpha, error.File);
        Assert.Equal((2, 16), (error.Line, error.Column));
        Assert.Contains("is not a commit of this repository's history", error.Message);
    }

    [Fact]
    public void A_missing_or_short_source_commit_is_an_error_that_says_which_command_gives_it()
    {
        using var site = new TranslatedSite();
        site.Tiny.Replace(Alpha, site.SourceCommit, site.SourceCommit[..7]);
        var shortHash = Only(site.Run(), Codes.SourceCommitMissing);
        Assert.Equal(2, shortHash.Line);
        Assert.Contains("not a commit's full 40-digit hash", shortHash.Message);
        Assert.Contains("git log -1 --format=%H --", shortHash.Message);

        site.Tiny.Replace(Alpha, "source-commit: " + site.SourceCommit[..7] + "\n", "");
        Assert.Contains("needs 'source-commit'", Only(site.Run(), Codes.SourceCommitMissing).Message);
    }

    [Fact]
    public void In_a_shallow_clone_an_older_source_commit_is_a_warning_that_says_to_fetch_the_whole_history()
    {
        using var site = new TranslatedSite();
        site.ChangeSource("roadmaps/tiny/topics/beta.md", "More about beta.", "More about beta, again.");
        var clone = Path.Combine(site.Tiny.Root, "shallow");
        site.Tiny.Git($"clone -q --depth 1 file://{site.Content} \"{clone}\"");
        var build = SiteBuild.Run(new BuildOptions(clone, TestPaths.Templates));

        // The commit exists, the clone just lacks it: the build goes on and says how to know.
        Assert.False(build.Diagnostics.HasErrors, string.Join("\n", build.Diagnostics.Sorted()));
        var warnings = build.Diagnostics.Sorted().Where(d => d.Code == Codes.SourceCommitUnknown).ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Contains("shallow", w.Message));
        Assert.All(warnings, w => Assert.Contains("fetch-depth: 0", w.Message));
    }

    [Fact]
    public void Prerequisites_in_a_translation_are_refused_at_their_line()
    {
        using var site = new TranslatedSite();
        site.Tiny.Replace(Alpha, "title: Alfa\n", "title: Alfa\nprerequisites: [beta]\n");
        var error = Only(site.Run(), Codes.TranslationHasStructure);

        Assert.Equal(4, error.Line);
        Assert.Contains("remove the field", error.Message);
    }

    [Fact]
    public void A_translation_of_a_file_that_does_not_exist_names_the_nearest_source()
    {
        using var site = new TranslatedSite();
        File.Move(site.File(Alpha), site.File("translations/es/roadmaps/tiny/topics/alpah.md"));
        var error = Only(site.Run(), Codes.TranslationWithoutSource);

        Assert.EndsWith("translations/es/roadmaps/tiny/topics/alpah.md", error.File);
        Assert.Contains("did you mean 'alpha.md'?", error.Message);
    }

    [Fact]
    public void A_stage_the_source_does_not_have_is_refused_at_its_name_in_the_translated_roadmap()
    {
        using var site = new TranslatedSite();
        site.Tiny.Replace("translations/es/roadmaps/tiny/roadmap.yml", "  basics:", "  basic:");
        var error = Only(site.Run(), Codes.TranslationWithoutSource);

        Assert.Equal((5, 3), (error.Line, error.Column));
        Assert.Contains("did you mean 'basics'?", error.Message);
    }

    [Fact]
    public void A_folder_of_a_language_site_yml_does_not_name_is_an_error_saying_how_to_add_it()
    {
        using var site = new TranslatedSite();
        Directory.CreateDirectory(site.File("translations/fr/pages"));
        File.WriteAllText(site.File("translations/fr/pages/about.md"), "---\ntitle: À propos\n---\n");
        var error = Only(site.Run(), Codes.UnknownLanguageFolder);

        Assert.EndsWith("translations/fr", error.File);
        Assert.Contains("add '- { code: fr", error.Message);
    }

    [Theory]
    [InlineData("  - { code: EN, name: English }\n", 2, "not a BCP 47 language tag")]
    [InlineData("  - { code: es, name: Español, dir: right }\n", 3, "write 'ltr' for left-to-right or 'rtl'")]
    [InlineData("  - { code: es }\n", 3, "missing required field 'name'")]
    public void A_bad_language_entry_is_an_error_at_its_line(string entry, int line, string message)
    {
        using var tiny = new TinySite();
        var languages = entry.StartsWith("  - { code: EN", StringComparison.Ordinal)
            ? "languages:\n" + entry + "  - { code: es, name: Español }\n"
            : "languages:\n  - { code: en, name: English }\n" + entry;
        File.AppendAllText(tiny.File("site.yml"), languages);
        var build = SiteBuild.Run(new BuildOptions(tiny.Content, TestPaths.Templates));

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Diagnostics.Sorted(), d => d.IsError);
        Assert.EndsWith("site.yml", error.File);
        Assert.Equal(line + 3, error.Line);
        Assert.Contains(message, error.Message);
    }
}
