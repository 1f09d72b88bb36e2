using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace RoadmapGen.Render.Previews;

// schema.org types for the pages' JSON-LD: only the properties the pages fill. Serialized by the
// source-generated context below (no reflection, so it works trimmed and under Native AOT).

/// <summary>One page's structured data: several things in one <c>@graph</c>.</summary>
public sealed record JsonLdDocument(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@graph")] IReadOnlyList<Thing> Graph);

[JsonPolymorphic]
[JsonDerivedType(typeof(WebSiteLd))]
[JsonDerivedType(typeof(CourseLd))]
[JsonDerivedType(typeof(LearningResourceLd))]
[JsonDerivedType(typeof(BreadcrumbListLd))]
[JsonDerivedType(typeof(ListItemLd))]
[JsonDerivedType(typeof(OrganizationLd))]
public abstract record Thing([property: JsonPropertyName("@type"), JsonPropertyOrder(-1)] string Type);

public sealed record OrganizationLd(string Name, string? Url) : Thing("Organization");

public sealed record WebSiteLd(string Name, string Description, string Url, string InLanguage) : Thing("WebSite");

public sealed record CourseLd(string Name, string Description, string Url, string InLanguage, bool IsAccessibleForFree,
    OrganizationLd Provider, DateTimeOffset DateModified, IReadOnlyList<LearningResourceLd> HasPart) : Thing("Course");

public sealed record LearningResourceLd(string Name, string Description, string Url,
    DateTimeOffset? DateModified = null, string? LearningResourceType = null, string? InLanguage = null) : Thing("LearningResource");

public sealed record BreadcrumbListLd(IReadOnlyList<ListItemLd> ItemListElement) : Thing("BreadcrumbList");

public sealed record ListItemLd(int Position, string Name, string Item) : Thing("ListItem");

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonLdDocument))]
internal sealed partial class JsonLdContext : JsonSerializerContext
{
    /// <summary>
    /// The encoder every JSON-LD block is written with. Like every encoder System.Text.Json
    /// offers except the "unsafe" one, it always writes &lt; &gt; &amp; as \u003C…, so no string can
    /// close the &lt;script&gt; element it sits in; it lets other letters (é, –) through as they are.
    /// </summary>
    public static readonly JsonLdContext Html = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
