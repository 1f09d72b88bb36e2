using RoadmapGen.Render.Strings;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Render.Views;

// What templates can read, and nothing else. Every URL is already computed (by Routes);
// text is plain and escaped when written; HTML is TrustedHtml. ScriptModel turns these into
// Scriban objects with snake_case names (TopicCount → topic_count).
// A "…Lang" is the language of a text a translation left in the source language (written as a
// lang attribute, so screen readers pronounce it right); null when the text is the page's language.

public sealed record SiteView(string Title, string Description, string? Repository, string Home, string TopicIndex, string SearchIndex, string Base)
{
    /// <summary>The Atom feed and the web app manifest (null in a render without them).</summary>
    public string? Feed { get; init; }
    public string? Manifest { get; init; }
    /// <summary>The link-preview image, absolute (previews need that); null without a site url or a preview.png asset.</summary>
    public string? PreviewImage { get; init; }
    /// <summary>The service worker; null when the templates have none, so nothing offers offline saving.</summary>
    public string? ServiceWorker { get; init; }
    /// <summary>The page of all roadmaps, which the header's one "Roadmaps" entry opens; null on a site of one roadmap, whose header links to it.</summary>
    public string? RoadmapIndex { get; init; }
    /// <summary>The scripts' words in this language (<see cref="ScriptStrings"/>); null without a strings file for it.</summary>
    public string? StringsJs { get; init; }
}

/// <param name="JsonLd">The page's schema.org JSON-LD, serialized with every &lt; escaped.</param>
public sealed record PageMeta(string Title, string Description, string Url, string Kind, string? Canonical, TrustedHtml? JsonLd = null)
{
    public bool IsHome => Kind == "home";
    /// <summary>Open Graph type: a topic is an article, every other page part of the website.</summary>
    public string OgType => Kind == "topic" ? "article" : "website";
    /// <summary>The page's language, for &lt;html lang&gt;.</summary>
    public string Lang { get; init; } = InterfaceStrings.SourceLanguage;
    /// <summary>The language as Open Graph writes a locale, with an underscore ("pt-BR" → "pt_BR").</summary>
    public string OgLocale => Views.OgLocale.Of(Lang);
    /// <summary>Its writing direction, for &lt;html dir&gt;; null on a one-language site, whose pages stay as they were.</summary>
    public string? Dir { get; init; }
    /// <summary>This page in every language of the site, this one included (hreflang links, the language switcher); empty on a one-language site.</summary>
    public IReadOnlyList<AlternateView> Alternates { get; init; } = [];
}

/// <param name="Href">The absolute URL when the site has one (hreflang wants it), else <paramref name="Url"/>.</param>
public sealed record AlternateView(string Lang, string Name, string Url, string Href, bool Current)
{
    public string OgLocale => Views.OgLocale.Of(Lang);
}

public static class OgLocale
{
    /// <summary>Open Graph's locale form of a BCP 47 code: the same subtags, joined by "_".</summary>
    public static string Of(string lang) => lang.Replace('-', '_');
}

/// <summary>
/// Tells a reader that a page is not in their language yet ("untranslated": shown in the source
/// language) or that its translation is behind the source ("behind"), linking the source's page.
/// </summary>
public sealed record TranslationNoticeView(string Kind, string SourceUrl, string SourceLang, string SourceName, int Behind);

/// <summary>When a topic last changed, as an ISO date: for &lt;time datetime&gt;, and written in the page's language by <c>t_date</c>.</summary>
public sealed record UpdatedView(string Iso);

public sealed record LinkView(string Title, string Url)
{
    public string? Lang { get; init; }
}

/// <param name="Kind">"required", "choice" or "optional": what the topic is for a reader's path.</param>
/// <param name="Choice">The id of the choice it is an alternative in, else null.</param>
/// <param name="OptionalNote">Why it may be skipped, for an optional topic.</param>
public sealed record TopicLinkView(string Slug, string Title, string Summary, string Url, int Number, int StageNumber,
    string Kind, string? Choice, bool Recommended, string? OptionalNote)
{
    /// <summary>For an alternative of a choice: when to choose it rather than another (null when the choice does not say).</summary>
    public string? When { get; init; }
    /// <summary>Of its title and summary (an untranslated topic).</summary>
    public string? Lang { get; init; }
    public string? WhenLang { get; init; }
    public string? NoteLang { get; init; }
}

/// <summary>A group of alternatives: "Pick one server-side language".</summary>
/// <param name="Url">The group on its roadmap's page.</param>
public sealed record ChoiceView(string Id, string Title, IReadOnlyList<TopicLinkView> Topics, TopicLinkView? Recommended, string? Reason, string Url)
{
    /// <summary>The element id of the menu a reader picks one of the group's topics with (Load keeps stage ids off it).</summary>
    public string MenuId => Load.PageIds.MenuOf(Id);
    public string? TitleLang { get; init; }
    public string? ReasonLang { get; init; }
}

/// <summary>One item of a stage's diagram: a topic on one side of the trunk, or a choice across it.</summary>
public sealed record StageEntryView(TopicLinkView? Topic, ChoiceView? Choice, string Side);

/// <param name="PathCount">Topics of the stage on a reader's path: the required ones and one per choice.</param>
/// <param name="Url">The stage on its roadmap's page.</param>
public sealed record StageView(int Number, string Id, string Title, string Summary, string Url, IReadOnlyList<TopicLinkView> Topics,
    IReadOnlyList<StageEntryView> Entries, int PathCount)
{
    public string? TitleLang { get; init; }
    public string? SummaryLang { get; init; }
}

/// <param name="PathCount">Topics on a reader's path: the required ones and one per choice.</param>
public sealed record RoadmapView(string Id, string Title, string Name, string Summary, string Url, string AllUrl, string JsonUrl,
    int TopicCount, int StageCount, IReadOnlyList<StageView> Stages, int PathCount, int ChoiceCount, int OptionalCount, TopicLinkView? First)
{
    /// <summary>What "Save this roadmap for offline" fetches; null when the templates have no service worker.</summary>
    public string? OfflineList { get; init; }
    public string? TitleLang { get; init; }
    public string? NameLang { get; init; }
    public string? SummaryLang { get; init; }
}

/// <param name="Type">article, video, …: templates write it in the page's language (<c>t ("resource_type." + resource.type)</c>).</param>
public sealed record ResourceView(string Title, string Url, string Type)
{
    /// <summary>Of its title, when a translated page shows the source's resources.</summary>
    public string? Lang { get; init; }
}

public sealed record StageRefView(int Number, string Title, string Url)
{
    public string? TitleLang { get; init; }
}

public sealed record QuestionView(TrustedHtml Question, TrustedHtml Answer);

public sealed record TopicView(TopicLinkView Link, TrustedHtml Html, StageRefView Stage,
    IReadOnlyList<TopicLinkView> Prerequisites, IReadOnlyList<TopicLinkView> RequiredBy, IReadOnlyList<ResourceView> Resources,
    TopicLinkView? Previous, TopicLinkView? Next, string? EditUrl, string SourcePath, string Anchor,
    ChoiceView? Choice, IReadOnlyList<TopicLinkView> Alternatives, IReadOnlyList<QuestionView> Questions)
{
    public required UpdatedView Updated { get; init; }
    /// <summary>The group <see cref="Previous"/> or <see cref="Next"/> is an alternative in, so a reader's pick can replace it.</summary>
    public ChoiceView? PreviousGroup { get; init; }
    public ChoiceView? NextGroup { get; init; }
    public TranslationNoticeView? Notice { get; init; }
    /// <summary>The language of the topic's own text when it is not the page's (an untranslated topic), for a lang attribute.</summary>
    public string? ContentLang { get; init; }
    /// <summary>The language of its "Check yourself" questions when it is not the page's.</summary>
    public string? QuestionsLang { get; init; }
}

public sealed record ContentView(string Title, string Summary, TrustedHtml Html, string? EditUrl)
{
    public TranslationNoticeView? Notice { get; init; }
    public string? ContentLang { get; init; }
}

public sealed record IndexEntryView(TopicLinkView Topic, string Roadmap);

/// <param name="Href">Where the A–Z's letter links lead: the letter's section ("#letter-a"), or on a large site its own page.</param>
public sealed record LetterView(string Letter, string Id, string Href, IReadOnlyList<IndexEntryView> Topics);

/// <summary>What every page's layout needs: the site, its assets, this page, and the navigation.</summary>
public sealed record Chrome(SiteView Site, IReadOnlyDictionary<string, string> Assets, PageMeta Page,
    IReadOnlyList<LinkView> Roadmaps, IReadOnlyList<LinkView> Pages);

/// <summary>A page to render: its template under templates/pages/ and what that template reads.</summary>
public abstract record PageModel(Chrome Chrome)
{
    public abstract string Template { get; }
}

public sealed record HomePage(Chrome Chrome, IReadOnlyList<RoadmapView> RoadmapsFull, TrustedHtml? Intro) : PageModel(Chrome)
{
    public override string Template => "home";
}

/// <summary>Every roadmap of a site of many, each with its size and room for the reader's progress.</summary>
public sealed record RoadmapIndexPage(Chrome Chrome, IReadOnlyList<RoadmapView> RoadmapsFull) : PageModel(Chrome)
{
    public override string Template => "roadmaps";
}

public sealed record NotFoundPage(Chrome Chrome, IReadOnlyList<RoadmapView> RoadmapsFull) : PageModel(Chrome)
{
    public override string Template => "404";
}

/// <summary>What the service worker shows, offline, for a page that was not saved: the way to what was.</summary>
public sealed record NotSavedPage(Chrome Chrome, IReadOnlyList<RoadmapView> RoadmapsFull) : PageModel(Chrome)
{
    public override string Template => "offline";
}

public sealed record ContentPage(Chrome Chrome, ContentView Content) : PageModel(Chrome)
{
    public override string Template => "page";
}

/// <param name="Split">A large site's A–Z: the letters link to their own pages, and this page lists no topics.</param>
public sealed record TopicIndexPage(Chrome Chrome, IReadOnlyList<LetterView> Letters, bool Split) : PageModel(Chrome)
{
    public override string Template => "topics";
}

/// <summary>One letter of a large site's A–Z, with every letter's link.</summary>
public sealed record TopicLetterPage(Chrome Chrome, IReadOnlyList<LetterView> Letters, LetterView Letter) : PageModel(Chrome)
{
    public override string Template => "topic-letter";
}

public sealed record RoadmapPage(Chrome Chrome, RoadmapView Roadmap) : PageModel(Chrome)
{
    public override string Template => "roadmap";
}

public sealed record TopicPage(Chrome Chrome, RoadmapView Roadmap, TopicView Topic) : PageModel(Chrome)
{
    public override string Template => "topic";
}

public sealed record WholeRoadmapPage(Chrome Chrome, RoadmapView Roadmap, IReadOnlyList<TopicView> Topics) : PageModel(Chrome)
{
    public override string Template => "all";
}
