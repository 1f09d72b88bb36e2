using System.Collections.ObjectModel;
using Markdig.Syntax;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// The validated content tree that Render consumes. Built only by <see cref="SiteLoader"/>, afresh
/// on every load, and never changed afterwards: nothing in this file has a setter.
/// </summary>
public sealed class Site
{
    public required SiteConfig Config { get; init; }
    /// <summary>Full path of the content folder; edit links are made relative to it.</summary>
    public required string ContentRoot { get; init; }
    public required IReadOnlyList<Roadmap> Roadmaps { get; init => field = ReadOnly.List(value); }
    public required IReadOnlyList<Page> Pages { get; init => field = ReadOnly.List(value); }
    /// <summary>The images the bodies show, saved beside their Markdown.</summary>
    public IReadOnlyList<ContentImage> Images { get; init => field = ReadOnly.List(value); } = [];
    /// <summary>The home page text (content/pages/index.md), when present.</summary>
    public Page? Home { get; init; }
    /// <summary>When each content file last changed (see <see cref="ChangeDates"/>), by display path.</summary>
    public required IReadOnlyDictionary<string, DateTimeOffset> Changed { get; init => field = ReadOnly.Map(value); }

    /// <summary>The language this site is in: null for a one-language site (no 'languages:' in site.yml).</summary>
    public Language? Language { get; init; }
    /// <summary>On the source language's site, the site in each other language (translated where written, the source elsewhere).</summary>
    public IReadOnlyList<Site> Translations { get; init => field = ReadOnly.List(value); } = [];
    /// <summary>Every translatable file in every other language, translated or not, for translators.</summary>
    public IReadOnlyList<TranslationState> TranslationStates { get; init => field = ReadOnly.List(value); } = [];
    /// <summary>The translation site.yml's title and description come from, when this site's language has one.</summary>
    public Translation? ConfigTranslation { get; init; }

    /// <summary>A file's change date; a file read after Load (none should be) counts as never changed.</summary>
    public DateTimeOffset ChangedAt(string displayPath) => Changed.GetValueOrDefault(displayPath, DateTimeOffset.UnixEpoch);

    /// <summary>
    /// Every Markdown body of this site with the file it is in, for whatever looks at all of them
    /// (the images they show, the code blocks to highlight): the home page, the pages, then each
    /// topic's body and its answers in reading order.
    /// </summary>
    public IEnumerable<(MarkdownBody Body, string SourcePath)> Bodies()
    {
        if (Home is { } home) yield return (home.Body, home.SourcePath);
        foreach (var page in Pages) yield return (page.Body, page.SourcePath);
        foreach (var topic in Roadmaps.SelectMany(r => r.Topics))
        {
            yield return (topic.Body, topic.SourcePath);
            foreach (var question in topic.Questions) yield return (question.Answer, topic.SourcePath);
        }
    }
}

public sealed record SiteConfig(string Title, string Description, string? Url, string? Repository, string Branch, string SourcePath)
{
    /// <summary>The editorial rules of site.yml's 'rules:', lenient where it sets none.</summary>
    public EditorialRules Rules { get; init; } = EditorialRules.Lenient;
    /// <summary>site.yml's 'languages:', the source language first; empty for a one-language site.</summary>
    public IReadOnlyList<Language> Languages { get; init => field = ReadOnly.List(value); } = [];
}

public sealed class Roadmap
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>
    /// "Backend Developer roadmap": the title and the word roadmap once, even when the title ends in
    /// it ("Docker Roadmap"); a translation names it in its own words ("Hoja de ruta del desarrollador backend").
    /// </summary>
    public string Name
    {
        get => _name ?? NameOf(Title);
        init => _name = value;
    }
    private readonly string? _name;

    public static string NameOf(string title) => title.EndsWith("roadmap", StringComparison.OrdinalIgnoreCase) ? title : title + " roadmap";
    public required string Summary { get; init; }
    public required string SourcePath { get; init; }
    public required IReadOnlyList<Stage> Stages { get; init => field = ReadOnly.List(value); }
    /// <summary>Every topic in reading order: stage by stage, then as listed.</summary>
    public required IReadOnlyList<Topic> Topics { get; init => field = ReadOnly.List(value); }
    /// <summary>Set when roadmap.yml's words are translated: its source and how current it is.</summary>
    public Translation? Translation { get; init; }
    /// <summary>In another language, which of its words are still the source's.</summary>
    public Untranslated Untranslated { get; init; }
}

/// <summary>
/// Which words of a roadmap, stage, choice or topic a translation left out, so they are shown in
/// the source language (and marked as such, for screen readers); None in the source language.
/// </summary>
[Flags]
public enum Untranslated
{
    None = 0,
    Title = 1,
    Summary = 2,
    /// <summary>A roadmap's name ("Backend Developer roadmap").</summary>
    Name = 4,
    /// <summary>A choice's reason for its recommended topic.</summary>
    Reason = 8,
    /// <summary>An optional topic's note, why a beginner may skip it.</summary>
    Note = 16,
    /// <summary>An alternative's "choose it when" sentence.</summary>
    When = 32,
    /// <summary>A translated topic's resources, when it lists none of its own.</summary>
    Resources = 64,
    /// <summary>A translated topic's "Check yourself" questions, when it translates none.</summary>
    Questions = 128,
}

public sealed class Stage
{
    public required int Number { get; init; }
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    /// <summary>The stage's topics in reading order: required, choice and optional ones alike.</summary>
    public required IReadOnlyList<Topic> Topics { get; init => field = ReadOnly.List(value); }
    /// <summary>Groups of alternatives among <see cref="Topics"/>, each listed next to each other there.</summary>
    public required IReadOnlyList<Choice> Choices { get; init => field = ReadOnly.List(value); }
    /// <summary>In another language, which of its words (title, summary) are still the source's.</summary>
    public Untranslated Untranslated { get; init; }
}

/// <summary>What a topic is for a reader's path: needed, one of several alternatives, or skippable.</summary>
public enum TopicKind { Required, Choice, Optional }

/// <summary>Alternatives of which a reader needs one ("Pick one server-side language").</summary>
public sealed class Choice
{
    /// <summary>Stable within the roadmap: made from the first member, which is in no other group.</summary>
    public required string Id { get; init; }
    /// <summary>A singular noun phrase completing "Pick one …", e.g. "server-side language".</summary>
    public required string Title { get; init; }
    public required IReadOnlyList<Topic> Topics { get; init => field = ReadOnly.List(value); }
    /// <summary>Where <see cref="Recommended"/> is in <see cref="Topics"/>: a topic names its choice, so the choice is made first.</summary>
    internal int? RecommendedAt { get; init; }
    public Topic? Recommended => RecommendedAt is { } at ? Topics[at] : null;
    /// <summary>Why the recommended topic is recommended: one sentence, present when <see cref="Recommended"/> is.</summary>
    public string? Reason { get; init; }
    /// <summary>When to choose each alternative, by slug: for every member or for none.</summary>
    public IReadOnlyDictionary<string, string> When { get; init => field = ReadOnly.Map(value); } = ReadOnlyDictionary<string, string>.Empty;
    /// <summary>In another language, which of its words (title, reason) are still the source's; a member's own <c>when</c> is its topic's.</summary>
    public Untranslated Untranslated { get; init; }
}

/// <summary>A slug as written in YAML, with where it was written.</summary>
public sealed record SlugRef(string Slug, int Line, int Column);

public sealed record Resource(string Title, string Url, string Type);

/// <summary>A "Check yourself" question; the answer is short Markdown, checked like a body.</summary>
public sealed record Question(string Text, string AnswerMarkdown, MarkdownBody Answer);

/// <summary>A Markdown body with what Load learned of it, so Render never re-parses or re-validates.</summary>
public sealed class MarkdownBody
{
    public required MarkdownDocument Document { get; init; }
    /// <summary>Lines before the body in its file (front matter), to turn Markdig's body lines into file lines.</summary>
    public required int LineOffset { get; init; }
    /// <summary>Links written as links to other content files (<c>http.md#x</c>), resolved at Load.</summary>
    public required IReadOnlyList<ContentLink> ContentLinks { get; init => field = ReadOnly.List(value); }
    public required IReadOnlyList<string> Headings { get; init => field = ReadOnly.List(value); }
    public required string PlainText { get; init; }
    /// <summary>A hash of the Markdown text the body was parsed from: serve's memo knows a reloaded, unchanged body by it.</summary>
    public required string SourceHash { get; init; }
    /// <summary>Whether the body holds raw HTML: the one way markup Markdig did not write itself can reach a page.</summary>
    public bool HasRawHtml => RawHtml is not null;
    /// <summary>From the first raw HTML of the body to the end of the last, where a problem with it is reported; null without raw HTML.</summary>
    public FileSpan? RawHtml { get; init; }
    /// <summary>
    /// Whether Load already reported unsafe HTML or an unsafe URL in this body, at its exact
    /// position: the rendered-HTML check then still cleans the output but does not report the
    /// same mistake a second time.
    /// </summary>
    public bool RefusedAtLoad { get; init; }
}

/// <summary>A Markdown link to another content file; Render turns it into that page's URL.</summary>
public sealed record ContentLink(Markdig.Syntax.Inlines.LinkInline Link, string TargetSourcePath, string? Fragment);

/// <summary>
/// What one topic file says, read without the rest of the content: serve keeps these between
/// loads (a file unchanged is not parsed again), and every load links them into fresh <see cref="Topic"/>s.
/// </summary>
public sealed class TopicSource
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required SourceFile File { get; init; }
    public string SourcePath => File.Display;
    /// <summary>Prerequisites as written, with positions for diagnostics; resolved into <see cref="Topic.Prerequisites"/>.</summary>
    public required IReadOnlyList<SlugRef> PrerequisiteRefs { get; init => field = ReadOnly.List(value); }
    public required IReadOnlyList<Resource> Resources { get; init => field = ReadOnly.List(value); }
    public IReadOnlyList<Question> Questions { get; init => field = ReadOnly.List(value); } = [];
    public required MarkdownBody Body { get; init; }
    public TopicPositions Positions { get; init; } = TopicPositions.None;
    /// <summary>Set when this is a translation: its source and how current it is.</summary>
    public Translation? Translation { get; init; }
    /// <summary>In a translation, what it takes from its source as it is (the resources, the questions).</summary>
    public Untranslated Untranslated { get; init; }
}

/// <summary>A topic in its roadmap: its file's <see cref="TopicSource"/> and what linking the roadmap learned of it.</summary>
public sealed class Topic
{
    public required TopicSource Source { get; init; }
    public string Slug => Source.Slug;
    public string Title => Source.Title;
    public string Summary => Source.Summary;
    public SourceFile File => Source.File;
    public string SourcePath => Source.SourcePath;
    public IReadOnlyList<SlugRef> PrerequisiteRefs => Source.PrerequisiteRefs;
    public IReadOnlyList<Resource> Resources => Source.Resources;
    public IReadOnlyList<Question> Questions => Source.Questions;
    public MarkdownBody Body => Source.Body;
    public TopicPositions Positions => Source.Positions;
    public required Roadmap Roadmap { get; init; }
    public required Stage Stage { get; init; }
    /// <summary>Position in the roadmap's reading order, from 0.</summary>
    public required int Index { get; init; }
    public required IReadOnlyList<Topic> Prerequisites { get; init => field = ReadOnly.List(value); }
    /// <summary>The topics listing this one as a prerequisite, in reading order.</summary>
    public required IReadOnlyList<Topic> RequiredBy { get; init => field = ReadOnly.List(value); }
    public TopicKind Kind { get; init; }
    /// <summary>The group this topic is an alternative in, when <see cref="Kind"/> is <see cref="TopicKind.Choice"/>.</summary>
    public Choice? Choice { get; init; }
    /// <summary>Why a reader may skip it, when <see cref="Kind"/> is <see cref="TopicKind.Optional"/>.</summary>
    public string? OptionalNote { get; init; }
    /// <summary>
    /// In another language, which of the roadmap's words about it (its optional note, its "when") are
    /// still the source's. Its own file's words are untranslated when <see cref="TopicSource.Translation"/> is null.
    /// </summary>
    public Untranslated Untranslated { get; init; }
}

public sealed class Page
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required SourceFile File { get; init; }
    public string SourcePath => File.Display;
    public required MarkdownBody Body { get; init; }
    /// <summary>Set when this is a translation: its source and how current it is.</summary>
    public Translation? Translation { get; init; }
}
