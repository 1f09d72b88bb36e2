using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// Applies a site's <see cref="EditorialRules"/> to its topics, each problem at the line of the
/// topic file to change, as an error or a warning as site.yml says.
/// </summary>
public static class EditorialChecks
{
    public static void Run(EditorialRules rules, IEnumerable<Topic> topics, string siteYml, DiagnosticBag diagnostics)
    {
        var all = topics.ToList();
        foreach (var topic in all)
        {
            var resources = rules.ResourcesPerTopic;
            // A resource with a mistake of its own is reported there, not counted missing too.
            if (topic.Positions.ResourcesWritten < resources.Min)
                Report(resources, topic.SourcePath, topic.Positions.Resources, Codes.TooFewResources,
                    $"this topic has {Count(topic.Resources.Count, "resource")}, and the site asks for at least {resources.Min}",
                    topic.Resources.Count == 0 ? $"add a 'resources:' list of {resources.Min}" : $"add {Count(resources.Min - topic.Resources.Count, "more resource")}");
            var official = rules.OfficialResource;
            if (topic.Resources.Count > 0 && topic.Resources.All(r => r.Type != "official"))
                Report(official, topic.SourcePath, topic.Positions.Resources, Codes.NoOfficialResource,
                    "none of this topic's resources is its official documentation or specification",
                    "add one with 'type: official'");
            var questions = rules.QuestionsPerTopic;
            if (topic.Questions.Count < questions.Min || topic.Questions.Count > questions.Max)
                Report(questions, topic.SourcePath, topic.Positions.Questions, Codes.QuestionCount,
                    $"this topic has {Count(topic.Questions.Count, "question")} to check yourself, and the site asks for {Range(questions)}",
                    topic.Questions.Count < questions.Min ? "add questions under 'questions:'" : "keep the best ones");
        }

        var perUrl = rules.TopicsPerUrl;
        if (perUrl.Severity == RuleSeverity.Off) return;
        var uses = all.SelectMany(t => t.Resources.Select((r, i) => (Topic: t, Index: i, Url: r.Url.TrimEnd('/'))))
            .GroupBy(u => u.Url, StringComparer.OrdinalIgnoreCase);
        foreach (var group in uses)
        {
            var byTopic = group.DistinctBy(u => u.Topic).ToList();
            if (byTopic.Count <= perUrl.Max) continue;
            // The first topics keep the link; each one past the limit is told where it already is.
            foreach (var use in byTopic.Skip(perUrl.Max))
                Report(perUrl, use.Topic.SourcePath, use.Topic.Positions.ResourceItems.ElementAtOrDefault(use.Index) is { Line: > 0 } at ? at : use.Topic.Positions.Resources,
                    Codes.UrlOnTooManyTopics,
                    $"{group.Key} is a resource of {byTopic.Count} topics ({string.Join(", ", byTopic.Take(4).Select(u => u.Topic.Slug))}{(byTopic.Count > 4 ? ", …" : "")}), and the site allows one URL on at most {Count(perUrl.Max, "topic")}",
                    "a link on every page is a link nobody reads: give this topic a resource of its own");
        }

        void Report(EditorialRule rule, string file, (int Line, int Column) at, string code, string what, string fix)
        {
            var message = $"{what} ({fix}; rule '{rule.Name}' in {siteYml})";
            if (rule.Severity == RuleSeverity.Error) diagnostics.Error(code, file, at.Line, at.Column, message);
            else if (rule.Severity == RuleSeverity.Warning) diagnostics.Warning(code, file, at.Line, at.Column, message);
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Range(EditorialRule rule) => rule.Max == EditorialRules.Unbounded
        ? $"at least {rule.Min}"
        : rule.Min == rule.Max ? $"exactly {rule.Min}" : $"{rule.Min} to {rule.Max}";
}
