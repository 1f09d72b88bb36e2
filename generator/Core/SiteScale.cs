using RoadmapGen.Load;

namespace RoadmapGen.Core;

/// <summary>
/// Where a site becomes too big for the pages that list every topic. Below the threshold (the
/// real site has about 130 topics) the A–Z list is one page and search one index; above it a
/// reader on a phone would download megabytes, so both are split (see README, "A site of many
/// roadmaps"). One rule for both, so a site never has one split and not the other by accident.
/// </summary>
public static class SiteScale
{
    /// <summary>About 110 KB of A–Z page and 0.9 MB of search index (0.3 MB gzipped) at the synthetic content's sizes.</summary>
    public const int SplitAboveTopics = 500;

    public static int TopicCount(Site site) => site.Roadmaps.Sum(r => r.Topics.Count);

    /// <summary>The A–Z is a page of letters, each letter a page of its own.</summary>
    public static bool SplitsTopicIndex(Site site) => TopicCount(site) > SplitAboveTopics;

    /// <summary>
    /// Search reads a shared index of every topic's title and summary, and the full index of one
    /// roadmap at a time. With one roadmap its shard would be everything, so it stays one index.
    /// </summary>
    public static bool SplitsSearchIndex(Site site) => site.Roadmaps.Count > 1 && TopicCount(site) > SplitAboveTopics;
}
