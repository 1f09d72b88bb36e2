using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// Reads a stage's <c>choices:</c> and <c>optional:</c>: they name topics the stage already lists
/// in <c>topics:</c>, so the stage keeps one reading order and plain lists stay valid.
/// </summary>
internal sealed class StageGroups(string file, DiagnosticBag diagnostics)
{
    internal static readonly string[] ChoiceFields = ["title", "topics", "recommended", "reason", "when"];
    internal static readonly string[] OptionalFields = ["topic", "note"];

    /// <summary>Every grouped slug of the roadmap, with where it was grouped first: a topic is in one group at most.</summary>
    private readonly Dictionary<string, int> _groupedAt = new(StringComparer.Ordinal);

    /// <summary>Applies the stage's groups to its topics (a draft's kind starts as required).</summary>
    public void Read(YamlMap stageMap, StageDraft stage, IReadOnlySet<string> listed)
    {
        var bySlug = stage.Topics.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        foreach (var choiceMap in stageMap.MapList("choices", required: false, itemWhat: "choice") ?? [])
            ReadChoice(choiceMap, stage, bySlug, listed);
        foreach (var optionalMap in stageMap.MapList("optional", required: false, itemWhat: "optional topic") ?? [])
            ReadOptional(optionalMap, stage, bySlug, listed);
    }

    private void ReadChoice(YamlMap map, StageDraft stage, Dictionary<string, TopicDraft> bySlug, IReadOnlySet<string> listed)
    {
        var title = map.String("title", required: true, hint: "server-side language");
        var written = map.StringList("topics", required: true) ?? [];
        var recommended = map.String("recommended", required: false);
        var reason = map.String("reason", required: recommended is not null, hint: "one sentence saying why a beginner should pick it");
        var when = map.TextMap("when", "slug: when to choose it, in one sentence") ?? [];
        map.ReportUnknown(ChoiceFields);
        var name = title is null ? "this choice" : $"choice '{title}'";
        ReadWhen(when, written, map, name);
        if (written.Count < 2)
            diagnostics.Error(Codes.ChoiceTooSmall, file, map.Line, map.Column,
                $"{name} has {(written.Count == 0 ? "no topics" : "only one topic")}; a choice needs at least two alternatives (add another, or list the topic as required or optional instead)");
        if (recommended is not null && !written.Any(w => w.Value == recommended))
        {
            var (line, column) = map.PositionOf("recommended");
            diagnostics.Error(Codes.RecommendedNotInChoice, file, line, column,
                $"recommended topic '{recommended}' is not one of the topics of {name} (recommend one of: {string.Join(", ", written.Select(w => w.Value))})");
        }
        var members = new List<TopicDraft>();
        foreach (var (slug, line, column) in written)
            if (Claim(slug, line, column, stage, bySlug, listed, name) is { } topic) members.Add(topic);
        if (members.Count != written.Count || written.Count < 2 || title is null) return;

        var positions = members.Select(m => stage.Topics.IndexOf(m)).Order().ToList();
        if (positions[^1] - positions[0] != members.Count - 1)
        {
            diagnostics.Error(Codes.ChoiceNotTogether, file, map.Line, map.Column,
                $"the topics of {name} are not listed next to each other in the stage's 'topics' (move {string.Join(", ", members.Select(m => m.Slug))} together, so the roadmap can show them as one group)");
            return;
        }
        var choice = new ChoiceDraft
        {
            Id = "choice-" + stage.Topics[positions[0]].Slug,
            Title = title,
            // Listed in reading order, whatever order the choice names them in.
            Topics = members.OrderBy(m => stage.Topics.IndexOf(m)).ToList(),
            Recommended = recommended is null ? null : members.FirstOrDefault(m => m.Slug == recommended),
            Reason = reason,
            When = when.Where(w => written.Any(m => m.Value == w.Name)).ToDictionary(w => w.Name, w => w.Text, StringComparer.Ordinal),
        };
        if (choice.Recommended is null && recommended is not null) return;
        foreach (var member in members)
        {
            member.Kind = TopicKind.Choice;
            member.Choice = choice;
        }
        stage.Choices.Add(choice);
    }

    /// <summary>
    /// A choice's <c>when:</c> says when to choose each alternative, so a reader who is not
    /// taking the recommended one learns whether this one fits them: for all its topics or none.
    /// </summary>
    private void ReadWhen(IReadOnlyList<(string Name, string Text, int Line, int Column)> when,
        IReadOnlyList<(string Value, int Line, int Column)> written, YamlMap map, string name)
    {
        if (when.Count == 0) return;
        foreach (var (slug, _, line, column) in when)
            if (!written.Any(w => w.Value == slug))
                diagnostics.Error(Codes.ChoiceWhenNotAlternative, file, line, column,
                    $"'when' of {name} names '{slug}', which is not one of its topics (say when to choose one of: {string.Join(", ", written.Select(w => w.Value))})");
        var missing = written.Where(w => !when.Any(x => x.Name == w.Value)).Select(w => w.Value).ToList();
        if (missing.Count > 0)
        {
            var (line, column) = map.PositionOf("when");
            diagnostics.Error(Codes.ChoiceWhenIncomplete, file, line, column,
                $"'when' of {name} does not say when to choose {string.Join(", ", missing)} (add '{missing[0]}: one sentence' under 'when:', one line for each alternative)");
        }
    }

    private void ReadOptional(YamlMap map, StageDraft stage, Dictionary<string, TopicDraft> bySlug, IReadOnlySet<string> listed)
    {
        var slug = map.String("topic", required: true, hint: "the slug of one of the stage's topics");
        var note = map.String("note", required: true, hint: "why a beginner may skip it, in one sentence");
        map.ReportUnknown(OptionalFields);
        if (slug is null) return;
        var (line, column) = map.PositionOf("topic");
        if (Claim(slug, line, column, stage, bySlug, listed, "the optional topics") is not { } topic || note is null) return;
        topic.Kind = TopicKind.Optional;
        topic.OptionalNote = note;
    }

    /// <summary>The stage's topic for a grouped slug, once per roadmap; null (reported) otherwise.</summary>
    private TopicDraft? Claim(string slug, int line, int column, StageDraft stage, Dictionary<string, TopicDraft> bySlug, IReadOnlySet<string> listed, string group)
    {
        if (_groupedAt.TryGetValue(slug, out var first))
        {
            diagnostics.Error(Codes.TopicInTwoGroups, file, line, column,
                $"topic '{slug}' is already in a group at line {first}; a topic is in one choice or is optional, not both (remove it from one)");
            return null;
        }
        _groupedAt[slug] = line;
        if (bySlug.TryGetValue(slug, out var topic)) return topic;
        if (listed.Contains(slug)) return null; // listed, but its file is missing or unreadable: reported already
        diagnostics.Error(Codes.GroupedTopicNotInStage, file, line, column,
            $"topic '{slug}' in {group} is not in the 'topics' of stage '{stage.Title}' (list it there too, where it belongs in the reading order; groups only mark listed topics)");
        return null;
    }
}
