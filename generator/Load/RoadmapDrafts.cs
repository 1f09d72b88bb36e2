namespace RoadmapGen.Load;

/// <summary>
/// A roadmap while it is being linked: stages, groups and prerequisites are worked out on these
/// drafts, made fresh on every load, then <see cref="Freeze"/> turns them into the model, whose
/// topics, stages and choices refer to each other and therefore are made together.
/// </summary>
internal sealed class StageDraft
{
    public required int Number { get; init; }
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public Untranslated Untranslated { get; init; }
    public List<TopicDraft> Topics { get; } = [];
    public List<ChoiceDraft> Choices { get; } = [];
}

internal sealed class ChoiceDraft
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<TopicDraft> Topics { get; init; }
    public TopicDraft? Recommended { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyDictionary<string, string> When { get; init; } = new Dictionary<string, string>();
    public Untranslated Untranslated { get; init; }
}

internal sealed class TopicDraft(TopicSource source, StageDraft stage)
{
    public TopicSource Source { get; } = source;
    public StageDraft Stage { get; } = stage;
    public string Slug => Source.Slug;
    public string SourcePath => Source.SourcePath;
    public IReadOnlyList<SlugRef> PrerequisiteRefs => Source.PrerequisiteRefs;
    public int Index { get; set; }
    public TopicKind Kind { get; set; }
    public ChoiceDraft? Choice { get; set; }
    public string? OptionalNote { get; set; }
    public Untranslated Untranslated { get; set; }
    public List<TopicDraft> Prerequisites { get; } = [];
    public List<TopicDraft> RequiredBy { get; } = [];
}

internal static class RoadmapDrafts
{
    /// <summary>
    /// The model of a linked roadmap. Its lists are read-only views of lists only this method
    /// holds, filled before it returns: the one way to make objects that refer to each other
    /// without giving any of them a setter.
    /// </summary>
    public static Roadmap Freeze(string id, string title, string summary, string sourcePath, IReadOnlyList<StageDraft> drafts, Translation? translation = null,
        string? name = null, Untranslated untranslated = Untranslated.None)
    {
        var stages = new List<Stage>(drafts.Count);
        var topics = new List<Topic>();
        var roadmap = new Roadmap
        {
            Id = id, Title = title, Summary = summary, SourcePath = sourcePath,
            Stages = stages.AsReadOnly(), Topics = topics.AsReadOnly(), Translation = translation, Name = name ?? Roadmap.NameOf(title),
            Untranslated = untranslated,
        };
        var made = new Dictionary<TopicDraft, (Topic Topic, List<Topic> Prerequisites, List<Topic> RequiredBy)>();
        foreach (var draft in drafts)
        {
            var stageTopics = new List<Topic>(draft.Topics.Count);
            var choices = new List<Choice>(draft.Choices.Count);
            var stage = new Stage
            {
                Number = draft.Number, Id = draft.Id, Title = draft.Title, Summary = draft.Summary,
                Topics = stageTopics.AsReadOnly(), Choices = choices.AsReadOnly(), Untranslated = draft.Untranslated,
            };
            var choiceOf = new Dictionary<ChoiceDraft, (Choice Choice, List<Topic> Members)>();
            foreach (var c in draft.Choices)
            {
                var members = new List<Topic>(c.Topics.Count);
                var choice = new Choice
                {
                    Id = c.Id, Title = c.Title, Topics = members.AsReadOnly(), Reason = c.Reason, When = c.When, Untranslated = c.Untranslated,
                    RecommendedAt = c.Recommended is null ? null : IndexOf(c.Topics, c.Recommended),
                };
                choiceOf[c] = (choice, members);
                choices.Add(choice);
            }
            foreach (var t in draft.Topics)
            {
                var prerequisites = new List<Topic>(t.Prerequisites.Count);
                var requiredBy = new List<Topic>(t.RequiredBy.Count);
                var topic = new Topic
                {
                    Source = t.Source, Roadmap = roadmap, Stage = stage, Index = t.Index,
                    Kind = t.Kind, Choice = t.Choice is null ? null : choiceOf[t.Choice].Choice, OptionalNote = t.OptionalNote,
                    Untranslated = t.Untranslated,
                    Prerequisites = prerequisites.AsReadOnly(), RequiredBy = requiredBy.AsReadOnly(),
                };
                made[t] = (topic, prerequisites, requiredBy);
                stageTopics.Add(topic);
                topics.Add(topic);
            }
            foreach (var (c, (_, members)) in choiceOf) members.AddRange(c.Topics.Select(t => made[t].Topic));
            stages.Add(stage);
        }
        foreach (var (draft, (_, prerequisites, requiredBy)) in made)
        {
            prerequisites.AddRange(draft.Prerequisites.Select(p => made[p].Topic));
            requiredBy.AddRange(draft.RequiredBy.Select(r => made[r].Topic));
        }
        return roadmap;
    }

    /// <summary>
    /// The roadmap in another language: the same stages, topics, groups and links, with the words
    /// and topic files a translation gives and the source's everywhere else.
    /// </summary>
    /// <param name="topics">Translated topics by slug; a topic not in it stays the source's.</param>
    public static Roadmap Translate(Roadmap source, RoadmapWords? words, Translation? translation, IReadOnlyDictionary<string, TopicSource> topics)
    {
        var stages = new List<StageDraft>();
        var drafts = new Dictionary<Topic, TopicDraft>(ReferenceEqualityComparer.Instance);
        var choices = new Dictionary<Choice, ChoiceDraft>(ReferenceEqualityComparer.Instance);
        foreach (var stage in source.Stages)
        {
            var (title, summary) = words?.Stages.GetValueOrDefault(stage.Id) ?? default;
            var draft = new StageDraft
            {
                Number = stage.Number, Id = stage.Id, Title = title ?? stage.Title, Summary = summary ?? stage.Summary,
                Untranslated = Left(title is null, Untranslated.Title) | Left(summary is null && stage.Summary != "", Untranslated.Summary),
            };
            foreach (var topic in stage.Topics)
            {
                var note = words?.Optional.GetValueOrDefault(topic.Slug);
                var topicDraft = new TopicDraft(topics.GetValueOrDefault(topic.Slug) ?? topic.Source, draft)
                {
                    Index = topic.Index, Kind = topic.Kind,
                    OptionalNote = topic.OptionalNote is null ? null : note ?? topic.OptionalNote,
                    Untranslated = Left(topic.OptionalNote is not null && note is null, Untranslated.Note),
                };
                drafts[topic] = topicDraft;
                draft.Topics.Add(topicDraft);
            }
            foreach (var choice in stage.Choices)
            {
                var said = words?.Choices.GetValueOrDefault(choice.Title);
                var when = choice.When.ToDictionary(w => w.Key, w => said?.When.GetValueOrDefault(w.Key) ?? w.Value, StringComparer.Ordinal);
                foreach (var slug in choice.When.Keys.Where(s => said?.When.ContainsKey(s) != true))
                    drafts[choice.Topics.Single(t => t.Slug == slug)].Untranslated |= Untranslated.When;
                var choiceDraft = new ChoiceDraft
                {
                    Id = choice.Id, Title = said?.Title ?? choice.Title, Topics = choice.Topics.Select(t => drafts[t]).ToList(),
                    Recommended = choice.Recommended is { } recommended ? drafts[recommended] : null,
                    Reason = choice.Reason is null ? null : said?.Reason ?? choice.Reason, When = when,
                    Untranslated = Left(said?.Title is null, Untranslated.Title) | Left(choice.Reason is not null && said?.Reason is null, Untranslated.Reason),
                };
                choices[choice] = choiceDraft;
                draft.Choices.Add(choiceDraft);
            }
            stages.Add(draft);
        }
        foreach (var (topic, draft) in drafts)
        {
            draft.Choice = topic.Choice is null ? null : choices[topic.Choice];
            draft.Prerequisites.AddRange(topic.Prerequisites.Select(p => drafts[p]));
            draft.RequiredBy.AddRange(topic.RequiredBy.Select(r => drafts[r]));
        }
        var untranslated = Left(words?.Title is null, Untranslated.Title) | Left(words?.Summary is null, Untranslated.Summary)
            // A name made from a translated title ("Diminuto roadmap") is in neither language: only the source's own is marked.
            | Left(words?.Name is null && words?.Title is null, Untranslated.Name);
        return Freeze(source.Id, words?.Title ?? source.Title, words?.Summary ?? source.Summary,
            translation?.TranslationPath ?? source.SourcePath, stages, translation, words?.Name, untranslated);
    }

    private static Untranslated Left(bool left, Untranslated words) => left ? words : Untranslated.None;

    private static int IndexOf(IReadOnlyList<TopicDraft> topics, TopicDraft topic)
    {
        for (var i = 0; i < topics.Count; i++)
            if (ReferenceEquals(topics[i], topic)) return i;
        throw new InvalidOperationException($"recommended topic '{topic.Slug}' is not a member of its choice");
    }
}
