using System.Collections.Concurrent;
using RoadmapGen.Render.Views;
using Scriban.Runtime;

namespace RoadmapGen.Render.Templates;

/// <summary>
/// The one place view models become Scriban objects: explicit names, no reflection (so it stays
/// correct under trimming and Native AOT). Values shared by many pages (the roadmap, the site,
/// every topic's link) are converted once per run and frozen, so pages rendered in parallel can
/// read them and no template can change what another page sees.
/// </summary>
public sealed class ScriptModel
{
    private readonly ConcurrentDictionary<object, ScriptObject> _shared = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<object, ScriptArray> _sharedLists = new(ReferenceEqualityComparer.Instance);

    /// <summary>The page's globals. Not frozen: templates may assign their own variables.</summary>
    public ScriptObject Globals(PageModel page)
    {
        var chrome = page.Chrome;
        var globals = new ScriptObject(12)
        {
            ["site"] = Shared(chrome.Site, Site),
            ["assets"] = Shared(chrome.Assets, Assets),
            ["page"] = Page(chrome.Page),
            ["roadmaps"] = SharedList(chrome.Roadmaps, Link),
            ["pages"] = SharedList(chrome.Pages, Link),
        };
        switch (page)
        {
            case HomePage home:
                globals["roadmaps_full"] = SharedList(home.RoadmapsFull, r => Shared(r, Roadmap));
                globals["intro"] = home.Intro;
                break;
            case RoadmapIndexPage index:
                globals["roadmaps_full"] = SharedList(index.RoadmapsFull, r => Shared(r, Roadmap));
                break;
            case NotFoundPage notFound:
                globals["roadmaps_full"] = SharedList(notFound.RoadmapsFull, r => Shared(r, Roadmap));
                break;
            case NotSavedPage notSaved:
                globals["roadmaps_full"] = SharedList(notSaved.RoadmapsFull, r => Shared(r, Roadmap));
                break;
            case ContentPage content:
                globals["content"] = Freeze(new ScriptObject(4)
                {
                    ["title"] = content.Content.Title, ["summary"] = content.Content.Summary,
                    ["html"] = content.Content.Html, ["edit_url"] = content.Content.EditUrl,
                    ["notice"] = Notice(content.Content.Notice), ["content_lang"] = content.Content.ContentLang,
                });
                break;
            case TopicIndexPage index:
                globals["letters"] = SharedList(index.Letters, Letter);
                globals["split"] = index.Split;
                globals["sections"] = index.Split ? List<LetterView>([], Letter) : SharedList(index.Letters, Letter);
                break;
            case TopicLetterPage letterPage:
                globals["letters"] = SharedList(letterPage.Letters, Letter);
                globals["letter"] = Shared(letterPage.Letter, Letter);
                break;
            case RoadmapPage roadmap:
                globals["roadmap"] = Shared(roadmap.Roadmap, Roadmap);
                break;
            case TopicPage topic:
                globals["roadmap"] = Shared(topic.Roadmap, Roadmap);
                globals["topic"] = Topic(topic.Topic);
                break;
            case WholeRoadmapPage whole:
                globals["roadmap"] = Shared(whole.Roadmap, Roadmap);
                var topics = List(whole.Topics, Topic);
                globals["topics"] = topics;
                globals["topics_by_stage"] = ByStage(whole, topics);
                break;
            default:
                throw new ArgumentException($"no Scriban form for {page.GetType().Name}", nameof(page));
        }
        return globals;
    }

    private static ScriptObject Site(SiteView site) => Freeze(new ScriptObject(7)
    {
        ["title"] = site.Title, ["description"] = site.Description, ["repository"] = site.Repository,
        ["home"] = site.Home, ["topic_index"] = site.TopicIndex, ["search_index"] = site.SearchIndex, ["base"] = site.Base,
        ["feed"] = site.Feed, ["manifest"] = site.Manifest, ["preview_image"] = site.PreviewImage, ["service_worker"] = site.ServiceWorker,
        ["roadmap_index"] = site.RoadmapIndex, ["strings_js"] = site.StringsJs,
    });

    private static ScriptObject Assets(IReadOnlyDictionary<string, string> assets)
    {
        var obj = new ScriptObject();
        foreach (var (key, url) in assets) obj[key] = url;
        return Freeze(obj);
    }

    private static ScriptObject Page(PageMeta page) => Freeze(new ScriptObject(6)
    {
        ["title"] = page.Title, ["description"] = page.Description, ["url"] = page.Url, ["kind"] = page.Kind,
        ["is_home"] = page.IsHome, ["canonical"] = page.Canonical, ["og_type"] = page.OgType, ["json_ld"] = page.JsonLd,
        ["lang"] = page.Lang, ["dir"] = page.Dir, ["og_locale"] = page.OgLocale,
        ["alternates"] = List(page.Alternates, a => Freeze(new ScriptObject(6)
        {
            ["lang"] = a.Lang, ["name"] = a.Name, ["url"] = a.Url, ["href"] = a.Href, ["current"] = a.Current, ["og_locale"] = a.OgLocale,
        })),
    });

    private static ScriptObject? Notice(TranslationNoticeView? notice) => notice is null ? null : Freeze(new ScriptObject(5)
    {
        ["kind"] = notice.Kind, ["source_url"] = notice.SourceUrl, ["source_lang"] = notice.SourceLang,
        ["source_name"] = notice.SourceName, ["behind"] = notice.Behind,
    });

    private ScriptObject Link(LinkView link) => Shared(link, l => Freeze(new ScriptObject(3) { ["title"] = l.Title, ["url"] = l.Url, ["lang"] = l.Lang }));

    private ScriptObject Roadmap(RoadmapView roadmap) => Freeze(new ScriptObject(14)
    {
        ["id"] = roadmap.Id, ["title"] = roadmap.Title, ["name"] = roadmap.Name, ["summary"] = roadmap.Summary,
        ["url"] = roadmap.Url, ["all_url"] = roadmap.AllUrl, ["json_url"] = roadmap.JsonUrl,
        ["topic_count"] = roadmap.TopicCount, ["stage_count"] = roadmap.StageCount,
        ["stages"] = List(roadmap.Stages, Stage), ["offline_list"] = roadmap.OfflineList,
        ["path_count"] = roadmap.PathCount, ["choice_count"] = roadmap.ChoiceCount, ["optional_count"] = roadmap.OptionalCount,
        ["first"] = roadmap.First is { } first ? TopicLink(first) : null,
        ["title_lang"] = roadmap.TitleLang, ["name_lang"] = roadmap.NameLang, ["summary_lang"] = roadmap.SummaryLang,
    });

    private ScriptObject Stage(StageView stage) => Freeze(new ScriptObject(9)
    {
        ["number"] = stage.Number, ["id"] = stage.Id, ["title"] = stage.Title, ["summary"] = stage.Summary, ["url"] = stage.Url,
        ["topic_count"] = stage.Topics.Count, ["topics"] = List(stage.Topics, TopicLink),
        ["entries"] = List(stage.Entries, Entry), ["path_count"] = stage.PathCount,
        ["title_lang"] = stage.TitleLang, ["summary_lang"] = stage.SummaryLang,
    });

    private ScriptObject Entry(StageEntryView entry) => Freeze(new ScriptObject(3)
    {
        ["topic"] = entry.Topic is { } topic ? TopicLink(topic) : null,
        ["choice"] = entry.Choice is { } choice ? Choice(choice) : null,
        ["side"] = entry.Side,
    });

    private ScriptObject Choice(ChoiceView choice) => Shared(choice, c => Freeze(new ScriptObject(8)
    {
        ["id"] = c.Id, ["title"] = c.Title, ["url"] = c.Url, ["menu_id"] = c.MenuId, ["topics"] = List(c.Topics, TopicLink), ["topic_count"] = c.Topics.Count,
        ["recommended"] = c.Recommended is { } recommended ? TopicLink(recommended) : null, ["reason"] = c.Reason,
        ["title_lang"] = c.TitleLang, ["reason_lang"] = c.ReasonLang,
    }));

    private ScriptObject TopicLink(TopicLinkView topic) => Shared(topic, t => Freeze(AddTopicLink(new ScriptObject(6), t)));

    private static ScriptObject AddTopicLink(ScriptObject obj, TopicLinkView topic)
    {
        obj["slug"] = topic.Slug;
        obj["title"] = topic.Title;
        obj["summary"] = topic.Summary;
        obj["url"] = topic.Url;
        obj["number"] = topic.Number;
        obj["stage_number"] = topic.StageNumber;
        obj["kind"] = topic.Kind;
        obj["choice"] = topic.Choice;
        obj["recommended"] = topic.Recommended;
        obj["optional_note"] = topic.OptionalNote;
        obj["when"] = topic.When;
        obj["lang"] = topic.Lang;
        obj["when_lang"] = topic.WhenLang;
        obj["note_lang"] = topic.NoteLang;
        return obj;
    }

    private ScriptObject Topic(TopicView topic)
    {
        var obj = AddTopicLink(new ScriptObject(16), topic.Link);
        obj["html"] = topic.Html;
        obj["stage"] = Freeze(new ScriptObject(4)
        {
            ["number"] = topic.Stage.Number, ["title"] = topic.Stage.Title, ["url"] = topic.Stage.Url, ["title_lang"] = topic.Stage.TitleLang,
        });
        obj["prerequisites"] = List(topic.Prerequisites, TopicLink);
        obj["required_by"] = List(topic.RequiredBy, TopicLink);
        obj["resources"] = List(topic.Resources, r => Freeze(new ScriptObject(4)
        {
            ["title"] = r.Title, ["url"] = r.Url, ["type"] = r.Type, ["lang"] = r.Lang,
        }));
        obj["previous"] = topic.Previous is { } previous ? TopicLink(previous) : null;
        obj["next"] = topic.Next is { } next ? TopicLink(next) : null;
        obj["previous_group"] = topic.PreviousGroup is { } before ? Choice(before) : null;
        obj["next_group"] = topic.NextGroup is { } after ? Choice(after) : null;
        obj["edit_url"] = topic.EditUrl;
        obj["source_path"] = topic.SourcePath;
        obj["anchor"] = topic.Anchor;
        obj["group"] = topic.Choice is { } choice ? Choice(choice) : null;
        obj["alternatives"] = List(topic.Alternatives, TopicLink);
        obj["questions"] = List(topic.Questions, q => Freeze(new ScriptObject(2) { ["question"] = q.Question, ["answer"] = q.Answer }));
        obj["updated"] = Freeze(new ScriptObject(1) { ["iso"] = topic.Updated.Iso });
        obj["notice"] = Notice(topic.Notice);
        obj["content_lang"] = topic.ContentLang;
        obj["questions_lang"] = topic.QuestionsLang;
        return Freeze(obj);
    }

    private ScriptObject Letter(LetterView letter) => Shared(letter, l => Freeze(new ScriptObject(4)
    {
        ["letter"] = l.Letter, ["id"] = l.Id, ["href"] = l.Href,
        ["topics"] = List(l.Topics, e => Freeze(AddTopicLink(new ScriptObject(12) { ["roadmap"] = e.Roadmap }, e.Topic))),
    }));

    private ScriptObject Shared<T>(T view, Func<T, ScriptObject> convert) where T : notnull =>
        _shared.TryGetValue(view, out var done) ? done : _shared.GetOrAdd(view, _ => convert(view));

    private ScriptArray SharedList<T>(IReadOnlyList<T> views, Func<T, ScriptObject> convert) =>
        _sharedLists.TryGetValue(views, out var done) ? done : _sharedLists.GetOrAdd(views, _ => List(views, convert));

    private static ScriptArray List<T>(IReadOnlyList<T> views, Func<T, ScriptObject> convert)
    {
        var array = new ScriptArray(views.Count);
        foreach (var view in views) array.Add(convert(view));
        array.IsReadOnly = true;
        return array;
    }

    /// <summary>
    /// Each stage's topics, in the order of the roadmap's stages, so the whole-roadmap page walks
    /// them stage by stage: testing every topic against every stage made 5 million steps for
    /// 10,000 topics in 500 stages, past the loop limit.
    /// </summary>
    private static ScriptArray ByStage(WholeRoadmapPage whole, ScriptArray topics)
    {
        var byNumber = whole.Topics.Select((t, i) => (t.Stage.Number, Topic: topics[i])).ToLookup(x => x.Number, x => x.Topic);
        var stages = new ScriptArray(whole.Roadmap.Stages.Count);
        foreach (var stage in whole.Roadmap.Stages)
        {
            var own = new ScriptArray(byNumber[stage.Number]);
            own.IsReadOnly = true;
            stages.Add(own);
        }
        stages.IsReadOnly = true;
        return stages;
    }

    private static ScriptObject Freeze(ScriptObject obj)
    {
        obj.IsReadOnly = true;
        return obj;
    }
}
