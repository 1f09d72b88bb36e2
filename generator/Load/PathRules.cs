using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// Prerequisites that a reader's path could not satisfy: a topic that needs one particular
/// alternative (a reader who picked another never meets it), or a required topic that needs
/// one the reader was told they may skip.
/// </summary>
public static class PathRules
{
    public static void Check(IReadOnlyList<Topic> topics, DiagnosticBag diagnostics)
    {
        foreach (var topic in topics)
        foreach (var prerequisite in topic.Prerequisites)
        {
            var reference = topic.PrerequisiteRefs.First(r => r.Slug == prerequisite.Slug);
            if (prerequisite.Choice is { } choice && choice != topic.Choice)
                diagnostics.Error(Codes.PrerequisiteIsAlternative, topic.SourcePath, reference.Line, reference.Column,
                    $"prerequisite '{prerequisite.Slug}' is one alternative of the choice '{choice.Title}' ({string.Join(", ", choice.Topics.Select(t => t.Slug))}); a reader who picks another never learns it (require what every alternative teaches instead, like a topic before the choice)");
            else if (prerequisite.Kind == TopicKind.Optional && topic.Kind != TopicKind.Optional)
                diagnostics.Error(Codes.RequiredNeedsOptional, topic.SourcePath, reference.Line, reference.Column,
                    $"prerequisite '{prerequisite.Slug}' is optional, but '{topic.Slug}' is on every reader's path (make '{topic.Slug}' optional too, or remove this prerequisite)");
        }
    }
}
