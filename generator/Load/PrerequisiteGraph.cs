using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>Resolves prerequisites to topics and rejects cycles, printing the cycle so it can be cut.</summary>
internal static class PrerequisiteGraph
{
    /// <param name="unreadable">Slugs whose files exist but could not be read: already reported, so not "unknown".</param>
    public static void Link(IReadOnlyList<TopicDraft> topics, IReadOnlySet<string> unreadable, DiagnosticBag diagnostics)
    {
        var bySlug = topics.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            foreach (var reference in topic.PrerequisiteRefs)
            {
                if (reference.Slug == topic.Slug)
                {
                    diagnostics.Error(Codes.PrerequisiteCycle, topic.SourcePath, reference.Line, reference.Column,
                        $"topic '{topic.Slug}' lists itself as a prerequisite (remove it)");
                    continue;
                }
                if (bySlug.TryGetValue(reference.Slug, out var prerequisite))
                {
                    if (topic.Prerequisites.Contains(prerequisite)) continue;
                    topic.Prerequisites.Add(prerequisite);
                    prerequisite.RequiredBy.Add(topic);
                    continue;
                }
                if (unreadable.Contains(reference.Slug)) continue;
                var suggestion = DidYouMean.Suggest(reference.Slug, bySlug.Keys);
                diagnostics.Error(Codes.UnknownPrerequisite, topic.SourcePath, reference.Line, reference.Column,
                    $"unknown topic '{reference.Slug}' in prerequisites" + (suggestion is null
                        ? " (use the slug of a topic of this roadmap: its file name without .md)"
                        : $" (did you mean '{suggestion}'?)"));
            }
        }
        foreach (var topic in topics) topic.RequiredBy.Sort((a, b) => a.Index.CompareTo(b.Index));
        ReportCycles(topics, diagnostics);
    }

    private static void ReportCycles(IReadOnlyList<TopicDraft> topics, DiagnosticBag diagnostics)
    {
        // Iterative three-colour DFS: a content tree of 10,000 topics must not overflow the stack.
        var state = new Dictionary<TopicDraft, int>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in topics)
        {
            if (state.ContainsKey(start)) continue;
            var path = new List<TopicDraft>();
            var stack = new Stack<(TopicDraft Topic, int Next)>();
            stack.Push((start, 0));
            state[start] = 1;
            path.Add(start);
            while (stack.Count > 0)
            {
                var (topic, next) = stack.Pop();
                if (next < topic.Prerequisites.Count)
                {
                    stack.Push((topic, next + 1));
                    var child = topic.Prerequisites[next];
                    if (!state.TryGetValue(child, out var s))
                    {
                        state[child] = 1;
                        path.Add(child);
                        stack.Push((child, 0));
                    }
                    else if (s == 1)
                    {
                        var cycle = path.Skip(path.IndexOf(child)).Append(child).ToList();
                        var key = string.Join(",", cycle.Skip(1).Select(t => t.Slug).Order(StringComparer.Ordinal));
                        if (reported.Add(key)) Report(topic, child, cycle, diagnostics);
                    }
                }
                else
                {
                    state[topic] = 2;
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
    }

    private static void Report(TopicDraft from, TopicDraft to, List<TopicDraft> cycle, DiagnosticBag diagnostics)
    {
        var reference = from.PrerequisiteRefs.First(r => r.Slug == to.Slug);
        diagnostics.Error(Codes.PrerequisiteCycle, from.SourcePath, reference.Line, reference.Column,
            $"prerequisites form a cycle: {string.Join(" → ", cycle.Select(t => t.Slug))} (remove one of these prerequisites)");
    }
}
