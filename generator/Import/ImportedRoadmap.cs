namespace RoadmapGen.Import;

/// <summary>A roadmap as the importer read it, ready to write as our content.</summary>
public sealed record ImportedRoadmap(string Id, string Title, string Summary, IReadOnlyList<ImportedStage> Stages);

public sealed record ImportedStage(string Id, string Title, IReadOnlyList<ImportedTopic> Topics);

public sealed record ImportedTopic(string Slug, string Title, string Summary, string Body, IReadOnlyList<ImportedResource> Resources);

public sealed record ImportedResource(string Title, string Url, string Type);

/// <summary>What the import changed and what it could not use, each naming its file, printed as a report.</summary>
public sealed class ImportReport
{
    public List<string> Changes { get; } = [];
    public List<string> Problems { get; } = [];
}
