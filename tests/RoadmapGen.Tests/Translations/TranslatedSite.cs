using RoadmapGen.Tests.Previews;

namespace RoadmapGen.Tests.Translations;

/// <summary>
/// The tiny site in English and Spanish: its sources committed, then tests/fixtures/translations
/// (Alpha, the roadmap's words, the site's title and the About page in Spanish; Beta left
/// untranslated) with their source-commit set to that commit.
/// </summary>
public sealed class TranslatedSite : IDisposable
{
    public static readonly DateTimeOffset First = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    public const string Languages = "languages:\n  - { code: en, name: English, dir: ltr }\n  - { code: es, name: Español, dir: ltr }\n";

    public TinySite Tiny { get; } = new();

    public TranslatedSite(string languages = Languages)
    {
        System.IO.File.AppendAllText(Tiny.File("site.yml"), languages);
        Tiny.CommitEverything(First);
        SourceCommit = Tiny.Git("rev-parse HEAD").Trim();
        var fixture = Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "translations");
        foreach (var file in Directory.GetFiles(fixture, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "README.md"))
        {
            var target = Tiny.File("translations/" + Path.GetRelativePath(fixture, file).Replace('\\', '/'));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            System.IO.File.WriteAllText(target, System.IO.File.ReadAllText(file).Replace("SOURCE_COMMIT", SourceCommit));
        }
        Tiny.Git("add -A");
        Tiny.Git("commit -q -m translations", First.AddDays(1));
    }

    /// <summary>The commit holding the English sources the fixture translates.</summary>
    public string SourceCommit { get; }

    public string Content => Tiny.Content;
    public string File(string relative) => Tiny.File(relative);

    public BuildResult Run() => SiteBuild.Run(new BuildOptions(Content, TestPaths.Templates));

    public BuildResult Build() => Tiny.Build();

    public static string Html(BuildResult build, string path) =>
        System.Text.Encoding.UTF8.GetString(build.Files.Single(f => f.Path == path).Content);

    /// <summary>Changes an English source and commits it.</summary>
    public string ChangeSource(string relative, string from, string to, int day = 2)
    {
        Tiny.Replace(relative, from, to);
        Tiny.Git("commit -q -a -m change", First.AddDays(day));
        return Tiny.Git("rev-parse HEAD").Trim();
    }

    public void Dispose() => Tiny.Dispose();
}
