namespace RoadmapGen.Load;

/// <summary>
/// Names the site's own pages take in its URL space, known here so Load can refuse a slug
/// that would collide (at its file), and used by UrlScheme to build those pages' URLs.
/// </summary>
public static class ReservedNames
{
    /// <summary>The whole-roadmap page, inside each roadmap's folder ("/backend/all/").</summary>
    public const string WholeRoadmap = "all";

    /// <summary>The A–Z list of topics, at the top level ("/topics/").</summary>
    public const string TopicIndex = "topics";

    /// <summary>Fingerprinted assets, at the top level ("/assets/").</summary>
    public const string Assets = "assets";

    /// <summary>Images saved beside the content, at the top level ("/media/roadmaps/backend/topics/cache-aside.svg").</summary>
    public const string Media = "media";

    /// <summary>Top-level names (beside the roadmaps' ids) no page may take.</summary>
    public static readonly IReadOnlySet<string> PageSlugs = new HashSet<string>(StringComparer.Ordinal) { Assets, Media, "search", TopicIndex };

    /// <summary>Names inside a roadmap's folder no topic may take.</summary>
    public static readonly IReadOnlySet<string> TopicSlugs = new HashSet<string>(StringComparer.Ordinal) { WholeRoadmap };
}
