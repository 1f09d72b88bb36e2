namespace RoadmapGen.Bench;

/// <summary>
/// Deterministic synthetic content: the same (topics, seed, topicsPerRoadmap) always gives the same corpus.
/// Roadmaps of at most <c>topicsPerRoadmap</c> topics, stages of ~20 topics, bodies of 300–600 words,
/// 3–5 valid cross-links (some to headings), 2–4 typed resources, prerequisites on earlier topics only.
/// </summary>
public static class SyntheticContent
{
    public const int TopicsPerStage = 20;

    /// <summary>What other topics need to know about a topic before its body exists.</summary>
    internal sealed record TopicPlan(string Roadmap, string Slug, string Title, IReadOnlyList<Heading> Headings);

    internal sealed record Heading(int Level, string Text, string Id);

    public static Corpus Generate(int topics, int seed, int topicsPerRoadmap)
    {
        var random = new Random(seed);
        var words = new Vocabulary(random);
        var roadmapCount = Math.Max(1, (topics + topicsPerRoadmap - 1) / topicsPerRoadmap);
        var roadmaps = new List<Roadmap>(roadmapCount);
        var globalIndex = 0;

        for (var r = 0; r < roadmapCount; r++)
        {
            var id = $"roadmap-{r + 1}";
            var count = Math.Min(topicsPerRoadmap, topics - globalIndex);
            var plans = new List<TopicPlan>(count);
            for (var i = 0; i < count; i++)
            {
                plans.Add(PlanTopic(words, id, globalIndex++));
            }

            var bodyWriter = new TopicBodyWriter(random, words);
            var topicList = new List<Topic>(count);
            for (var i = 0; i < count; i++)
            {
                topicList.Add(BuildTopic(random, words, bodyWriter, plans, i));
            }

            var stages = new List<Stage>();
            for (var s = 0; s * TopicsPerStage < count; s++)
            {
                var slugs = plans.Skip(s * TopicsPerStage).Take(TopicsPerStage).Select(p => p.Slug).ToList();
                var stageTitle = $"Stage {s + 1}: {Vocabulary.Capitalize(words.Adjective())} {words.Noun()}s";
                var stageSummary = $"Topics {s * TopicsPerStage + 1}–{s * TopicsPerStage + slugs.Count} of this roadmap. {words.Sentence(stageTitle)}";
                stages.Add(new Stage(stageTitle, stageSummary, slugs));
            }

            var title = $"Synthetic roadmap {r + 1}";
            roadmaps.Add(new Roadmap(id, title, $"A generated roadmap of {count} topics in {stages.Count} stages, for benchmarks.", stages, topicList));
        }

        return new Corpus(
            "RoadmapGen benchmark site",
            $"Synthetic content of {topics} topics (seed {seed}) for build and link-check benchmarks.",
            roadmaps);
    }

    private static TopicPlan PlanTopic(Vocabulary words, string roadmap, int globalIndex)
    {
        var title = $"{Vocabulary.Capitalize(words.Adjective())} {words.Noun()} {words.Noun()}s";
        var slug = $"{Vocabulary.Kebab(title)}-{globalIndex + 1}";
        var headings = new List<Heading>();
        var ids = new HashSet<string>(StringComparer.Ordinal);

        void Add(int level, string text)
        {
            text = Vocabulary.FixArticles(text);
            var id = Vocabulary.Kebab(text);
            if (ids.Add(id))
            {
                headings.Add(new Heading(level, text, id));
            }
        }

        var t = title.ToLowerInvariant();
        Add(2, words.Pick(new[] { "Why it matters", $"Why {t} matters", $"Where {t} fits" }));
        Add(2, words.Pick(new[] { "Key ideas", "Core concepts", "The main ideas" }));
        var subsections = 2 + (globalIndex % 2);
        for (var i = 0; i < subsections; i++)
        {
            Add(3, words.Pick(new[]
            {
                $"{Vocabulary.Capitalize(words.Adjective())} {words.Noun()}s",
                $"The {words.Noun()} lifecycle",
                $"{Vocabulary.Capitalize(words.Noun())} and {words.Noun()}",
                $"When to {words.Verb()} a {words.Noun()}",
            }));
        }
        Add(2, words.Pick(new[] { "How it works", "A worked example", "In practice" }));
        Add(2, words.Pick(new[] { "Common pitfalls", "Mistakes to avoid", "Things that go wrong" }));
        Add(2, words.Pick(new[] { "What to learn next", "Where to go from here", "Next steps" }));
        return new TopicPlan(roadmap, slug, title, headings);
    }

    private static Topic BuildTopic(Random random, Vocabulary words, TopicBodyWriter bodyWriter, List<TopicPlan> plans, int index)
    {
        var plan = plans[index];

        // Prerequisites: 0–3 distinct earlier topics of the same roadmap, so there is never a cycle.
        var prerequisites = new List<string>();
        var wanted = index == 0 ? 0 : random.Next(0, Math.Min(3, index) + 1);
        while (prerequisites.Count < wanted)
        {
            var candidate = plans[random.Next(Math.Max(0, index - 60), index)].Slug;
            if (!prerequisites.Contains(candidate))
            {
                prerequisites.Add(candidate);
            }
        }

        var resources = new List<Resource>();
        var resourceCount = random.Next(2, 5);
        for (var i = 0; i < resourceCount; i++)
        {
            var type = words.Pick(Resource.ResourceTypes);
            var title = type switch
            {
                "video" => $"{plan.Title} explained in ten minutes",
                "course" => $"A free course on {plan.Title.ToLowerInvariant()}",
                "book" => $"The {words.Noun()} book, chapter {i + 1}",
                "official" => $"{plan.Title} reference documentation",
                "tool" => Vocabulary.FixArticles($"A {words.Adjective()} {words.Noun()} inspector"),
                _ => $"An introduction to {plan.Title.ToLowerInvariant()}",
            };
            resources.Add(new Resource(title, $"https://example.com/{plan.Slug}/{type}-{i + 1}", type));
        }

        var (body, wordCount, linkCount) = bodyWriter.Write(plan, plans, index);
        return new Topic(plan.Roadmap, plan.Slug, plan.Title, Summary(words, plan.Title), prerequisites, resources,
            plan.Headings.Select(h => h.Id).ToList(), body, wordCount, linkCount);
    }

    private static string Summary(Vocabulary words, string title) =>
        Vocabulary.FixArticles($"What {title.ToLowerInvariant()} is, why a backend developer needs it and how to {words.Verb()} a {words.Noun()} with it.");
}
