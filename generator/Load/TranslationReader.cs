using System.Collections.Frozen;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using System.Text.RegularExpressions;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>Where a translation says which commit of its source it translates, for the staleness check.</summary>
public sealed record SourceCommitRef(string Hash, int Line, int Column);

/// <summary>A translated file as read, before its staleness is known.</summary>
/// <param name="Value">What it translates: a <see cref="TopicSource"/>, a <see cref="Page"/>, <see cref="RoadmapWords"/> or <see cref="SiteWords"/>.</param>
public sealed record TranslatedFile(string FullPath, string Display, string SourceFullPath, SourceCommitRef Commit, object Value)
{
    /// <summary>The source's heading ids this translation's body does not have (see <see cref="Translation.MissingSourceIds"/>).</summary>
    public IReadOnlySet<string> MissingSourceIds { get; init; } = FrozenSet<string>.Empty;
}

/// <summary>
/// Reads the files of content/translations/&lt;code&gt;/: a topic or page (front matter and body, as
/// the source's, with <c>source-commit</c> and never structure), a roadmap.yml's words, site.yml's
/// title and description.
/// </summary>
public static partial class TranslationReader
{
    public const string SourceCommitKey = "source-commit";
    private static readonly string[] TopicFields = [SourceCommitKey, "title", "summary", "questions", "resources"];
    private static readonly string[] PageFields = [SourceCommitKey, "title", "summary"];
    private static readonly string[] RoadmapFields = [SourceCommitKey, "title", "name", "summary", "stages", "choices", "optional"];
    private static readonly string[] SiteFields = [SourceCommitKey, "title", "description"];

    /// <summary>
    /// A translated heading keeps its source's id when the two have the same headings at the same
    /// levels (as a faithful translation does): a link to "http/#status-codes" from any page, and a
    /// reader's bookmark, then reach the same section in every language.
    /// </summary>
    /// <returns>The source's heading ids the translation still lacks: all it does not share when its headings differ.</returns>
    private static IReadOnlySet<string> KeepSourceAnchors(MarkdownBody translated, MarkdownBody source)
    {
        var mine = translated.Document.Descendants<HeadingBlock>().ToList();
        var theirs = source.Document.Descendants<HeadingBlock>().ToList();
        if (mine.Count == theirs.Count && mine.Zip(theirs).All(p => p.First.Level == p.Second.Level))
            foreach (var (heading, original) in mine.Zip(theirs))
                if (original.TryGetAttributes()?.Id is { } id) heading.GetAttributes().Id = id;
        var kept = mine.Select(h => h.TryGetAttributes()?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return theirs.Select(h => h.TryGetAttributes()?.Id).OfType<string>().Where(id => !kept.Contains(id)).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>A translation's path in the content folder: its source's, under its language's folder ("translations/es/pages/about.md").</summary>
    private static string RelativeOf(SourceFile source, string fullPath)
    {
        var root = source.FullPath[..^source.Relative.Length];
        return Path.GetRelativePath(root, fullPath).Replace('\\', '/');
    }

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex FullHash();

    /// <summary>A translated topic: the source's structure and, where the translation gives them, its words.</summary>
    public static TranslatedFile? Topic(string fullPath, TopicSource source, string sourceFullPath, IReadOnlyDictionary<string, string> contentFiles,
        IReadOnlyDictionary<string, string> aliases, DiagnosticBag diagnostics)
    {
        if (TopicReader.ReadFrontMatter(fullPath, contentFiles, diagnostics, "the translation's front matter") is not { } read) return null;
        var (path, front, map) = read;
        var commit = SourceCommit(map, sourceFullPath, diagnostics);
        var title = map.String("title", required: true, hint: "the translated title");
        var summary = map.String("summary", required: true, hint: "the translated one-sentence summary");
        if (map.PositionOf("prerequisites") is var (line, column) && (line, column) != (map.Line, map.Column))
        {
            diagnostics.Error(Codes.TranslationHasStructure, path, line, column,
                "a translation has no 'prerequisites': a topic's place in the roadmap comes from its source, in every language (remove the field)");
        }
        var resourcesWritten = map.PositionOf("resources") != (map.Line, map.Column);
        var resources = resourcesWritten ? TopicReader.ReadResources(map, path, diagnostics, [], out _) : null;
        var questionsWritten = map.PositionOf("questions") != (map.Line, map.Column);
        var questions = questionsWritten ? TopicReader.ReadQuestions(map, path, fullPath, contentFiles, diagnostics) : null;
        map.ReportUnknown([.. TopicFields, "prerequisites"]);
        var body = MarkdownParser.Parse(front.Body, front.BodyLineOffset, path, fullPath, contentFiles, diagnostics, aliases);
        var missing = KeepSourceAnchors(body, source.Body);
        if (commit is null || title is null || summary is null) return null;
        var topic = new TopicSource
        {
            Slug = source.Slug, Title = title, Summary = summary, File = new SourceFile(fullPath, RelativeOf(source.File, fullPath), path), Body = body,
            Resources = resources ?? source.Resources, Questions = questions ?? source.Questions,
            PrerequisiteRefs = source.PrerequisiteRefs, Positions = source.Positions,
            Untranslated = (resources is null ? Untranslated.Resources : Untranslated.None) | (questions is null && source.Questions.Count > 0 ? Untranslated.Questions : Untranslated.None),
        };
        return new TranslatedFile(fullPath, path, sourceFullPath, commit, topic) { MissingSourceIds = missing };
    }

    public static TranslatedFile? Page(string fullPath, Page source, string sourceFullPath, IReadOnlyDictionary<string, string> contentFiles,
        IReadOnlyDictionary<string, string> aliases, DiagnosticBag diagnostics)
    {
        if (TopicReader.ReadFrontMatter(fullPath, contentFiles, diagnostics, "the translation's front matter") is not { } read) return null;
        var (path, front, map) = read;
        var commit = SourceCommit(map, sourceFullPath, diagnostics);
        var title = map.String("title", required: true, hint: "the translated title");
        var description = map.String("summary", required: false);
        map.ReportUnknown(PageFields);
        var body = MarkdownParser.Parse(front.Body, front.BodyLineOffset, path, fullPath, contentFiles, diagnostics, aliases);
        var missing = KeepSourceAnchors(body, source.Body);
        if (commit is null || title is null) return null;
        var page = new Page { Slug = source.Slug, Title = title, Summary = description ?? source.Summary, File = new SourceFile(fullPath, RelativeOf(source.File, fullPath), path), Body = body };
        return new TranslatedFile(fullPath, path, sourceFullPath, commit, page) { MissingSourceIds = missing };
    }

    /// <summary>A translated roadmap.yml; a stage, choice or optional topic the source does not have is an error at its name.</summary>
    public static TranslatedFile? Roadmap(string fullPath, Roadmap source, string sourceFullPath, DiagnosticBag diagnostics)
    {
        if (ReadYaml(fullPath, diagnostics, "the translated roadmap.yml") is not { } map) return null;
        var display = map.File;
        var commit = SourceCommit(map, sourceFullPath, diagnostics);
        var title = map.String("title", required: false);
        var roadmapName = map.String("name", required: false);
        var summary = map.String("summary", required: false);
        var stages = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        foreach (var (id, stage, line, column) in map.NamedMaps("stages", "stage") ?? [])
        {
            var words = (stage.String("title", required: false), stage.String("summary", required: false));
            stage.ReportUnknown(["title", "summary"]);
            if (source.Stages.Any(s => s.Id == id)) stages[id] = words;
            else Missing(display, line, column, $"stage '{id}'", source.Stages.Select(s => s.Id), "the stage's id", diagnostics);
        }
        var choices = new Dictionary<string, ChoiceWords>(StringComparer.Ordinal);
        var sourceChoices = source.Stages.SelectMany(s => s.Choices).ToList();
        foreach (var (name, choice, line, column) in map.NamedMaps("choices", "choice") ?? [])
        {
            var words = new ChoiceWords(choice.String("title", required: false), choice.String("reason", required: false),
                (choice.TextMap("when", "slug: when to choose it") ?? []).ToDictionary(w => w.Name, w => w.Text, StringComparer.Ordinal));
            choice.ReportUnknown(["title", "reason", "when"]);
            if (sourceChoices.Any(c => c.Title == name)) choices[name] = words;
            else Missing(display, line, column, $"choice '{name}'", sourceChoices.Select(c => c.Title), "the choice's title in the source", diagnostics);
        }
        var optional = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (slug, note, line, column) in map.TextMap("optional", "slug: the translated note") ?? [])
        {
            var optionalTopics = source.Topics.Where(t => t.Kind == TopicKind.Optional).Select(t => t.Slug).ToList();
            if (optionalTopics.Contains(slug)) optional[slug] = note;
            else Missing(display, line, column, $"optional topic '{slug}'", optionalTopics, "the slug of an optional topic", diagnostics);
        }
        map.ReportUnknown(RoadmapFields);
        if (commit is null) return null;
        return new TranslatedFile(fullPath, display, sourceFullPath, commit, new RoadmapWords
        {
            Name = roadmapName,
            Title = title, Summary = summary, Stages = stages, Choices = choices, Optional = optional,
        });
    }

    /// <summary>A translated site.yml: the site's title and description.</summary>
    public static TranslatedFile? Site(string fullPath, string sourceFullPath, DiagnosticBag diagnostics)
    {
        if (ReadYaml(fullPath, diagnostics, "the translated site.yml") is not { } map) return null;
        var commit = SourceCommit(map, sourceFullPath, diagnostics);
        var title = map.String("title", required: false);
        var description = map.String("description", required: false);
        map.ReportUnknown(SiteFields);
        return commit is null ? null : new TranslatedFile(fullPath, map.File, sourceFullPath, commit, new SiteWords(title, description));
    }

    private static YamlMap? ReadYaml(string fullPath, DiagnosticBag diagnostics, string what)
    {
        var display = DisplayPath.Of(fullPath);
        var source = SourceText.Read(fullPath, display, diagnostics);
        return source is null ? null : YamlMap.Parse(source.Text, display, 1, diagnostics, what);
    }

    private static void Missing(string file, int line, int column, string what, IEnumerable<string> known, string key, DiagnosticBag diagnostics)
    {
        var suggestion = DidYouMean.Suggest(what[(what.IndexOf('\'') + 1)..^1], known);
        diagnostics.Error(Codes.TranslationWithoutSource, file, line, column,
            $"the source has no {what} to translate" + (suggestion is null ? $" (key each by {key})" : $" (did you mean '{suggestion}'?)"));
    }

    /// <summary>The commit of the source the translator read: required, and a full hash, so it names one commit forever.</summary>
    private static SourceCommitRef? SourceCommit(YamlMap map, string sourceFullPath, DiagnosticBag diagnostics)
    {
        var source = DisplayPath.Of(sourceFullPath);
        var fix = $"write the commit of the source you translated: git log -1 --format=%H -- {source}";
        var value = map.String(SourceCommitKey, required: false);
        var (line, column) = map.PositionOf(SourceCommitKey);
        if (value is null)
        {
            diagnostics.Error(Codes.SourceCommitMissing, map.File, map.Line, map.Column,
                $"a translation needs '{SourceCommitKey}', so the build can tell when {source} changes after it ({fix})");
            return null;
        }
        if (!FullHash().IsMatch(value))
        {
            diagnostics.Error(Codes.SourceCommitMissing, map.File, line, column,
                $"'{SourceCommitKey}' is '{value}', not a commit's full 40-digit hash ({fix})");
            return null;
        }
        return new SourceCommitRef(value.ToLowerInvariant(), line, column);
    }
}
