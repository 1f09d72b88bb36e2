namespace RoadmapGen.Import;

/// <summary>
/// roadmap.sh's 22 resource types onto our 8 (see README, "Importing roadmap.sh content"):
/// what a reader should expect behind the link, not who published it.
/// </summary>
public static class ResourceTypes
{
    public static readonly IReadOnlyDictionary<string, string> Map = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["article"] = "article", ["guide"] = "article", ["paper"] = "article", ["research"] = "article",
        ["report"] = "article", ["roadmap"] = "article", ["website"] = "article",
        ["official"] = "official", ["standard"] = "official", ["policy"] = "official",
        ["video"] = "video", ["course"] = "course", ["book"] = "book", ["podcast"] = "podcast",
        ["feed"] = "community", ["group"] = "community", ["community"] = "community", ["conference"] = "community",
        ["opensource"] = "tool", ["tool"] = "tool", ["platform"] = "tool", ["framework"] = "tool", ["dataset"] = "tool",
    };
}
