namespace RoadmapGen.Load;

/// <summary>
/// Where a topic's front matter wrote what the editorial rules count, so a rule a site sets
/// (<see cref="EditorialRules"/>) is reported at the line to change.
/// </summary>
/// <param name="FrontMatter">The first field of the front matter.</param>
/// <param name="Resources">The 'resources:' key, or the front matter when there is none.</param>
/// <param name="Questions">The 'questions:' key, or the front matter when there is none.</param>
/// <param name="ResourceItems">Each valid resource's '- title:' line, in the order of <see cref="Topic.Resources"/>.</param>
/// <param name="ResourcesWritten">Resources written, valid or not: one with an error of its own is not counted twice.</param>
public sealed record TopicPositions((int Line, int Column) FrontMatter, (int Line, int Column) Resources,
    (int Line, int Column) Questions, IReadOnlyList<(int Line, int Column)> ResourceItems, int ResourcesWritten)
{
    public IReadOnlyList<(int Line, int Column)> ResourceItems { get; init => field = ReadOnly.List(value); } = ReadOnly.List(ResourceItems);

    public static TopicPositions None { get; } = new((1, 1), (1, 1), (1, 1), [], 0);
}
