namespace RoadmapGen.Load;

/// <summary>
/// Element ids the templates write themselves. A stage's id is an element id of its roadmap
/// page, and a topic's slug the id of its section on the whole-roadmap page, so neither may
/// take one of these: the page would hold the id twice and a #link would open the wrong place.
/// A test reads every fixed <c>id="…"</c> of <c>templates/</c> and finds it here.
/// </summary>
public static class PageIds
{
    public static readonly IReadOnlySet<string> Fixed = new HashSet<string>(StringComparer.Ordinal)
    {
        "main", "search-input", "search-results", "search-heading", "home-roadmaps",
        "progress-heading", "progress-label", "share-url", "legend-heading", "offline-heading",
        "prereq-heading", "check-heading", "resources-heading", "required-heading", "contents",
    };

    /// <summary>A pick-one group's id on the roadmap page: "choice-" and its first topic's slug.</summary>
    public const string ChoicePrefix = "choice-";

    /// <summary>The id of the menu a reader picks a group's topic with, on the roadmap page ("pick-choice-python").</summary>
    public static string MenuOf(string choiceId) => "pick-" + choiceId;
}
