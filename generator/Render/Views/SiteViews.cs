using RoadmapGen.Load;
using RoadmapGen.Render.Strings;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Render.Views;

/// <summary>
/// Reads the loaded site into view models. What many pages share (the site, the navigation,
/// each roadmap and each topic's link) is made once, so pages differ only in what is theirs.
/// </summary>
public sealed class SiteViews
{
    private readonly Site _site;
    private readonly Routes _urls;
    private readonly SiteView _siteView;
    private readonly IReadOnlyDictionary<string, string> _assets;
    private readonly IReadOnlyList<LinkView> _roadmapLinks;
    private readonly IReadOnlyList<LinkView> _pageLinks;
    private readonly Dictionary<Topic, TopicLinkView> _topicLinks = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Roadmap, RoadmapView> _roadmaps = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Choice, ChoiceView> _choices = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every language of the site with its routes, the source first; empty on a one-language site.</summary>
    private readonly IReadOnlyList<(Language Language, Routes Urls)> _languages;

    /// <param name="offline">Whether the site has a service worker, so roadmaps can be saved for offline reading.</param>
    /// <param name="languages">Every language of the site with its routes, the source first (none for a one-language site).</param>
    public SiteViews(Site site, Routes urls, Assets assets, bool offline = false, IReadOnlyList<(Language Language, Routes Urls)>? languages = null)
    {
        _site = site;
        _urls = urls;
        _languages = languages ?? [];
        _assets = assets.Urls;
        var config = site.Config;
        _siteView = new SiteView(config.Title, config.Description, config.Repository, urls.Home, urls.TopicIndex, urls.SearchIndex, urls.Base)
        {
            Feed = urls.Feed, Manifest = urls.WebManifest,
            PreviewImage = _assets.TryGetValue(Assets.Key("preview.png"), out var preview) ? urls.Absolute(config.Url, preview) : null,
            ServiceWorker = offline ? urls.ServiceWorker : null,
            RoadmapIndex = HasRoadmapIndex(site) ? urls.RoadmapIndex : null,
            StringsJs = assets.Strings.GetValueOrDefault(site.Language?.Code ?? InterfaceStrings.SourceLanguage),
        };
        _roadmapLinks = site.Roadmaps.Select(r => new LinkView(r.Title, urls.Roadmap(r)) { Lang = SourceLang(r.Untranslated, Untranslated.Title) }).ToList();
        _pageLinks = site.Pages.Select(p => new LinkView(p.Title, urls.Page(p)) { Lang = SourceLang(p.Translation is null) }).ToList();
        foreach (var topic in site.Roadmaps.SelectMany(r => r.Topics))
            _topicLinks[topic] = new TopicLinkView(topic.Slug, topic.Title, topic.Summary, urls.Topic(topic), topic.Index + 1, topic.Stage.Number,
                KindName(topic.Kind), topic.Choice?.Id, topic.Choice?.Recommended == topic, topic.OptionalNote)
            {
                When = topic.Choice?.When.GetValueOrDefault(topic.Slug),
                Lang = SourceLang(topic.Source.Translation is null),
                WhenLang = SourceLang(topic.Untranslated, Untranslated.When), NoteLang = SourceLang(topic.Untranslated, Untranslated.Note),
            };
        foreach (var choice in site.Roadmaps.SelectMany(r => r.Stages).SelectMany(s => s.Choices))
            _choices[choice] = new ChoiceView(choice.Id, choice.Title, choice.Topics.Select(Link).ToList(),
                choice.Recommended is { } recommended ? Link(recommended) : null, choice.Reason, urls.Choice(choice.Topics[0].Roadmap, choice))
            {
                TitleLang = SourceLang(choice.Untranslated, Untranslated.Title), ReasonLang = SourceLang(choice.Untranslated, Untranslated.Reason),
            };
        foreach (var roadmap in site.Roadmaps)
        {
            var stages = roadmap.Stages.Select(s => new StageView(s.Number, s.Id, s.Title, s.Summary, urls.Stage(roadmap, s), s.Topics.Select(Link).ToList(),
                Entries(s), PathCount(s.Topics))
            {
                TitleLang = SourceLang(s.Untranslated, Untranslated.Title), SummaryLang = SourceLang(s.Untranslated, Untranslated.Summary),
            }).ToList();
            _roadmaps[roadmap] = new RoadmapView(roadmap.Id, roadmap.Title, roadmap.Name, roadmap.Summary,
                urls.Roadmap(roadmap), urls.WholeRoadmap(roadmap), urls.RoadmapJson(roadmap),
                roadmap.Topics.Count, roadmap.Stages.Count, stages, PathCount(roadmap.Topics),
                roadmap.Stages.Sum(s => s.Choices.Count), roadmap.Topics.Count(t => t.Kind == TopicKind.Optional), roadmap.Topics.Count > 0 ? Link(roadmap.Topics[0]) : null)
            {
                OfflineList = offline ? urls.OfflineList(roadmap) : null,
                TitleLang = SourceLang(roadmap.Untranslated, Untranslated.Title), NameLang = SourceLang(roadmap.Untranslated, Untranslated.Name),
                SummaryLang = SourceLang(roadmap.Untranslated, Untranslated.Summary),
            };
        }
        Roadmaps = site.Roadmaps.Select(Roadmap).ToList();
    }

    public IReadOnlyList<RoadmapView> Roadmaps { get; }

    /// <summary>On a translated site, the source language's code for a text left untranslated; null for a text in the page's language.</summary>
    private string? SourceLang(bool untranslated) => untranslated && _urls.Language is not null && _languages.Count > 0 ? _languages[0].Language.Code : null;

    private string? SourceLang(Untranslated words, Untranslated which) => SourceLang(words.HasFlag(which));

    /// <summary>A site of one roadmap has no page listing roadmaps: its header links to the roadmap itself.</summary>
    public static bool HasRoadmapIndex(Site site) => site.Roadmaps.Count > 1;

    public static string KindName(TopicKind kind) => kind switch
    {
        TopicKind.Choice => "choice",
        TopicKind.Optional => "optional",
        _ => "required",
    };

    /// <summary>Required topics, and one for each choice, whichever alternative a reader picks.</summary>
    public static int PathCount(IEnumerable<Topic> topics) =>
        topics.Count(t => t.Kind == TopicKind.Required) + topics.Where(t => t.Choice is not null).Select(t => t.Choice).Distinct().Count();

    /// <summary>
    /// The stage as the diagram draws it: a choice is one entry across the trunk where its first
    /// member is listed; topics alternate sides, starting on the left again after a choice.
    /// </summary>
    private List<StageEntryView> Entries(Stage stage)
    {
        var entries = new List<StageEntryView>();
        var column = 0;
        foreach (var topic in stage.Topics)
        {
            if (topic.Choice is { } choice)
            {
                if (choice.Topics[0] != topic) continue;
                entries.Add(new StageEntryView(null, _choices[choice], "across"));
                column = 0;
                continue;
            }
            entries.Add(new StageEntryView(Link(topic), null, column++ % 2 == 0 ? "left" : "right"));
        }
        return entries;
    }

    /// <summary>Whether the site has a service worker, and so a page for what was not saved for offline reading.</summary>
    public bool Offline => _siteView.ServiceWorker is not null;

    public Chrome Chrome(string title, string description, string url, string kind, TrustedHtml? jsonLd = null)
    {
        var meta = new PageMeta(title, description, url, kind, _urls.Absolute(_site.Config.Url, url), jsonLd);
        if (_site.Language is { } language)
            meta = meta with
            {
                Lang = language.Code, Dir = language.Direction,
                // The one 404 page is the source language's: it has no other languages to link.
                Alternates = kind == "404" ? [] : _languages.Select(l =>
                {
                    var other = _urls.Translate(url, l.Urls);
                    return new AlternateView(l.Language.Code, l.Language.Name, other, _urls.Absolute(_site.Config.Url, other) ?? other, l.Language == language);
                }).ToList(),
            };
        return new(_siteView, _assets, meta, _roadmapLinks, _pageLinks);
    }

    /// <summary>
    /// On a translated site: a notice for a page shown in the source language (with the language
    /// of its text) or translated from a source that has changed since; null when neither.
    /// </summary>
    public (TranslationNoticeView? Notice, string? ContentLang) Notice(Translation? translation, string url)
    {
        if (_urls.Language is null || _languages.Count == 0) return (null, null);
        var (source, sourceUrls) = _languages[0];
        var sourceUrl = _urls.Translate(url, sourceUrls);
        if (translation is null) return (new TranslationNoticeView("untranslated", sourceUrl, source.Code, source.Name, 0), source.Code);
        return translation.IsBehind ? (new TranslationNoticeView("behind", sourceUrl, source.Code, source.Name, translation.Behind), null) : (null, null);
    }

    public RoadmapView Roadmap(Roadmap roadmap) => _roadmaps[roadmap];

    public TopicLinkView Link(Topic topic) => _topicLinks[topic];

    public TopicView Topic(Topic topic, TrustedHtml html, string anchor, IReadOnlyList<QuestionView> questions)
    {
        var (previous, next) = ReadingPath.Neighbours(topic);
        var (notice, contentLang) = Notice(topic.Source.Translation, _urls.Topic(topic));
        return new TopicView(Link(topic), html,
            new StageRefView(topic.Stage.Number, topic.Stage.Title, _urls.Stage(topic.Roadmap, topic.Stage))
            {
                TitleLang = SourceLang(topic.Stage.Untranslated, Untranslated.Title),
            },
            topic.Prerequisites.Select(Link).ToList(), topic.RequiredBy.Select(Link).ToList(),
            topic.Resources.Select(r => new ResourceView(r.Title, r.Url, r.Type)
            {
                Lang = contentLang ?? SourceLang(topic.Source.Untranslated, Untranslated.Resources),
            }).ToList(),
            previous is null ? null : Link(previous), next is null ? null : Link(next),
            EditUrl(topic.File), ContentRelative(topic.File), anchor,
            topic.Choice is { } choice ? _choices[choice] : null,
            topic.Choice?.Topics.Where(t => t != topic).Select(Link).ToList() ?? [], questions)
        {
            Updated = Updated(_site.ChangedAt(topic.SourcePath)),
            PreviousGroup = previous?.Choice is { } before ? _choices[before] : null,
            NextGroup = next?.Choice is { } after ? _choices[after] : null,
            Notice = notice, ContentLang = contentLang,
            QuestionsLang = contentLang ?? SourceLang(topic.Source.Untranslated, Untranslated.Questions),
        };
    }

    public static UpdatedView Updated(DateTimeOffset date) => new(
        date.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Every topic by its title's first letter; on a large site each letter links to its own page.</summary>
    public IReadOnlyList<LetterView> Letters() => _site.Roadmaps.SelectMany(r => r.Topics)
        .OrderBy(t => t.Title, StringComparer.OrdinalIgnoreCase)
        .GroupBy(t => char.ToUpperInvariant(t.Title[0]))
        .Select(g =>
        {
            var id = "letter-" + char.ToLowerInvariant(g.Key);
            var href = SiteScale.SplitsTopicIndex(_site) ? _urls.TopicLetter(Routes.LetterKey(g.Key)) : Routes.OnThisPage(id);
            return new LetterView(g.Key.ToString(), id, href, g.Select(t => new IndexEntryView(Link(t), t.Roadmap.Title)).ToList());
        })
        .ToList();

    public static string ContentRelative(SourceFile file) => "content/" + file.Relative;

    public string? EditUrl(SourceFile file) => _site.Config.Repository is { } repo ? Routes.Edit(repo, _site.Config.Branch, ContentRelative(file)) : null;
}
