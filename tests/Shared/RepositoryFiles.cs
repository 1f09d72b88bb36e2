namespace RoadmapGen.TestSupport;

/// <summary>
/// The repository the tests run from, found from the test binaries (so they run from any working
/// directory), and copies of its folders for tests that change them. Compiled into both test
/// projects, so a unit test and a browser test copy the real content the same way.
/// </summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();
    public static string Content => Path.Combine(Root, "content");
    public static string Templates => Path.Combine(Root, "templates");

    /// <summary>
    /// Copies the real content. Without its translations the site still lists every language of
    /// site.yml, each page in the source language's words: for a test that renames what a
    /// translation keys, or brings translations of its own.
    /// </summary>
    public static void CopyContent(string to, bool withTranslations = true)
    {
        var translations = Path.Combine(Content, "translations") + Path.DirectorySeparatorChar;
        CopyFolder(Content, to, file => withTranslations || !file.StartsWith(translations, StringComparison.Ordinal));
    }

    /// <summary>Copies every file below <paramref name="from"/> into <paramref name="to"/>, replacing files already there.</summary>
    public static void CopyFolder(string from, string to) => CopyFolder(from, to, _ => true);

    private static void CopyFolder(string from, string to, Func<string, bool> include)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories).Where(include))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RoadmapGen.sln"))) return dir.FullName;
        throw new InvalidOperationException($"RoadmapGen.sln not found above {AppContext.BaseDirectory}");
    }
}
