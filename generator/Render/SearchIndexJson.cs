using System.Text.Json.Serialization;

namespace RoadmapGen.Render;

// The search index's JSON shapes (see SearchIndex); one-letter names keep the files small.

/// <summary>One topic in the one-file index of a small site.</summary>
public sealed record SearchEntry(
    [property: JsonPropertyName("t")] string Title,
    [property: JsonPropertyName("s")] string Summary,
    [property: JsonPropertyName("u")] string Url,
    [property: JsonPropertyName("r")] string Roadmap,
    [property: JsonPropertyName("n")] int Stage,
    [property: JsonPropertyName("h")] IReadOnlyList<string> Headings,
    [property: JsonPropertyName("w")] string Words);

/// <summary>The shared part of a split index: every roadmap, and every topic's title and summary.</summary>
public sealed record SearchShared(
    [property: JsonPropertyName("roadmaps")] IReadOnlyList<SearchRoadmap> Roadmaps,
    [property: JsonPropertyName("topics")] IReadOnlyList<SearchTitle> Topics);

/// <param name="Url">The roadmap's URL: pages under it search its shard too.</param>
/// <param name="Shard">Where its topics' headings and words are.</param>
public sealed record SearchRoadmap(
    [property: JsonPropertyName("t")] string Title,
    [property: JsonPropertyName("u")] string Url,
    [property: JsonPropertyName("i")] string Shard);

/// <param name="Roadmap">The roadmap's position in <see cref="SearchShared.Roadmaps"/>.</param>
public sealed record SearchTitle(
    [property: JsonPropertyName("t")] string Title,
    [property: JsonPropertyName("s")] string Summary,
    [property: JsonPropertyName("u")] string Url,
    [property: JsonPropertyName("r")] int Roadmap,
    [property: JsonPropertyName("n")] int Stage);

/// <summary>A topic's headings and body words in its roadmap's shard, joined to its title by its URL.</summary>
public sealed record SearchText(
    [property: JsonPropertyName("u")] string Url,
    [property: JsonPropertyName("h")] IReadOnlyList<string> Headings,
    [property: JsonPropertyName("w")] string Words);

[JsonSerializable(typeof(List<SearchEntry>))]
[JsonSerializable(typeof(SearchShared))]
[JsonSerializable(typeof(List<SearchText>))]
internal sealed partial class SearchIndexJson : JsonSerializerContext;
