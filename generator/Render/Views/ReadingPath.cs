using RoadmapGen.Load;

namespace RoadmapGen.Render.Views;

/// <summary>
/// Previous and Next along a reader's path, as built (before any pick): the alternatives of a
/// choice are one step, not one step each. Into a group leads to its recommended alternative
/// (else its first), whose page links the others; out of any alternative leads past the group.
/// app.js swaps in the reader's own pick.
/// </summary>
public static class ReadingPath
{
    public static (Topic? Previous, Topic? Next) Neighbours(Topic topic)
    {
        var ordered = topic.Roadmap.Topics;
        var first = topic.Choice is { } own ? own.Topics[0].Index : topic.Index;
        var last = topic.Choice is { } same ? same.Topics[^1].Index : topic.Index;
        return (first > 0 ? Entry(ordered[first - 1]) : null, last + 1 < ordered.Count ? Entry(ordered[last + 1]) : null);
    }

    /// <summary>The topic that stands for a step: itself, or for an alternative its group's recommended one.</summary>
    private static Topic Entry(Topic topic) => topic.Choice is { } choice ? choice.Recommended ?? choice.Topics[0] : topic;
}
