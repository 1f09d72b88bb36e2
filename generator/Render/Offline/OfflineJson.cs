using System.Text.Json.Serialization;

namespace RoadmapGen.Render.Offline;

/// <summary>What "Save for offline" fetches for one roadmap: its pages, then the files they need.</summary>
public sealed record OfflineList(string Roadmap, string Title, IReadOnlyList<string> Pages, IReadOnlyList<string> Files);

/// <summary>The web app manifest (W3C Web Application Manifest): name, scope, colours, icon, language.</summary>
/// <param name="Dir">The language's writing direction; null (left out) on a one-language site, whose manifest stays as it was.</param>
public sealed record WebManifest(string Name, string ShortName, string Description, string StartUrl, string Scope, string Id,
    string Display, string BackgroundColor, string ThemeColor, string Lang, IReadOnlyList<ManifestIcon> Icons)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Dir { get; init; }
}

public sealed record ManifestIcon(string Src, string Sizes, string Type, string Purpose);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WebManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OfflineList))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class OfflineJsonContext : JsonSerializerContext;
