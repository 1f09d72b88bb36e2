using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// How far each translation is behind its source, from git: the commits that changed the source
/// and that the translation's <c>source-commit</c> does not contain. A translation behind is a
/// warning at its <c>source-commit</c> line with what changed; a commit git does not have is an error.
/// </summary>
public static class Staleness
{
    public static IReadOnlyDictionary<TranslatedFile, Translation> Check(string contentRoot, IReadOnlyList<(TranslatedFile File, Language Language)> files,
        GitHistory history, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<TranslatedFile, Translation>(ReferenceEqualityComparer.Instance);
        var behind = new List<(TranslatedFile File, Language Language, IReadOnlyList<GitCommit> Changes, string Spec)>();
        var workTree = GitStamp.WorkTree(contentRoot) ?? contentRoot;
        foreach (var (file, language) in files)
        {
            var source = DisplayPath.Of(file.SourceFullPath);
            Translation Made(int count, string? changes) => new(language, source, file.Display, file.Commit.Hash, count, changes) { SourceFullPath = file.SourceFullPath, MissingSourceIds = file.MissingSourceIds };
            // Without a repository (an exported folder) there is nothing to compare with.
            if (history.IsEmpty) { result[file] = Made(0, null); continue; }
            if (!history.Contains(file.Commit.Hash))
            {
                // A shallow clone lacks older commits that do exist, so there it cannot tell a
                // mistake from history it was not given: a warning that says how to give it.
                if (history.Shallow)
                    diagnostics.Warning(Codes.SourceCommitUnknown, file.Display, file.Commit.Line, file.Commit.Column,
                        $"'{TranslationReader.SourceCommitKey}' {file.Commit.Hash} is not in this clone, which is shallow, so whether the translation is behind its source is not known"
                        + " (fetch the whole history with 'git fetch --unshallow', or in GitHub Actions check out with 'fetch-depth: 0')");
                else
                    diagnostics.Error(Codes.SourceCommitUnknown, file.Display, file.Commit.Line, file.Commit.Column,
                        $"'{TranslationReader.SourceCommitKey}' {file.Commit.Hash} is not a commit of this repository's history"
                        + $" (write the commit of the source you translated: git log -1 --format=%H -- {source})");
                result[file] = Made(0, null);
                continue;
            }
            var relative = Path.GetRelativePath(contentRoot, file.SourceFullPath).Replace('\\', '/');
            var changes = history.ChangesSince(file.Commit.Hash, relative);
            if (changes.Count == 0) { result[file] = Made(0, null); continue; }
            var spec = file.Commit.Hash + ":" + Path.GetRelativePath(workTree, file.SourceFullPath).Replace('\\', '/');
            behind.Add((file, language, changes, spec));
        }
        var before = GitBlobs.Read(contentRoot, behind.Select(b => b.Spec).ToList());
        foreach (var (file, language, changes, spec) in behind)
        {
            var source = DisplayPath.Of(file.SourceFullPath);
            var now = File.Exists(file.SourceFullPath) ? File.ReadAllText(file.SourceFullPath) : "";
            // Commits that touched the file on a branch merged since, but leave it as the
            // translator read it (the same text at source-commit and now), change nothing to translate.
            if (before.TryGetValue(spec, out var same) && same.ReplaceLineEndings() == now.ReplaceLineEndings())
            {
                result[file] = new Translation(language, source, file.Display, file.Commit.Hash, 0, null) { SourceFullPath = file.SourceFullPath, MissingSourceIds = file.MissingSourceIds };
                continue;
            }
            var summary = before.TryGetValue(spec, out var old) ? SourceDiff.Summary(old, now) : "the file had another name at that commit";
            result[file] = new Translation(language, source, file.Display, file.Commit.Hash, changes.Count, summary) { SourceFullPath = file.SourceFullPath, MissingSourceIds = file.MissingSourceIds };
            var commits = changes.Count == 1 ? "1 commit" : $"{changes.Count} commits";
            diagnostics.Warning(Codes.TranslationBehind, file.Display, file.Commit.Line, file.Commit.Column,
                $"this translation is behind its source {source} by {commits}; what changed: {summary} "
                + $"(bring the translation up to date: git diff {Short(file.Commit.Hash)} {Short(changes[0].Hash)} -- {source}; then set source-commit to {changes[0].Hash})");
        }
        return result;
    }

    private static string Short(string hash) => hash[..12];
}
