using System.Text;

namespace RoadmapGen.Bench;

/// <summary>
/// Writes a topic's Markdown body in RoadmapGen's form: an introduction, the planned H2/H3 sections,
/// a numbered and a bullet list, one fenced code block and 3–5 links to other topics of the same
/// roadmap (about half of them to one of the target's headings). Prose is padded to 300–600 words.
/// </summary>
internal sealed class TopicBodyWriter(Random random, Vocabulary words)
{
    private abstract record Block;

    private sealed record HeadingBlock(int Level, string Text) : Block;

    private sealed record ParagraphBlock(List<string> Sentences, bool Grows) : Block;

    private sealed record ListBlock(bool Numbered, List<string> Items) : Block;

    private sealed record CodeBlock(string Language, string Code) : Block;

    private static readonly (string Language, string Code)[] CodeSamples =
    [
        ("python", "def get_{n}({n}_id):\n    {n} = cache.get({n}_id)\n    if {n} is None:\n        {n} = db.load_{n}({n}_id)\n        cache.set({n}_id, {n}, ttl=300)\n    return {n}"),
        ("javascript", "async function load{N}(id) {\n  const res = await fetch(`/api/{n}s/${id}`);\n  if (!res.ok) throw new Error(`{n} ${id}: ${res.status}`);\n  return res.json();\n}"),
        ("csharp", "public async Task<{N}?> Find{N}Async(int id, CancellationToken ct)\n{\n    var {n} = await db.{N}s.FindAsync([id], ct);\n    logger.LogInformation(\"Loaded {n} {Id}\", id);\n    return {n};\n}"),
        ("sql", "SELECT {n}.id, {n}.name, COUNT(*) AS uses\nFROM {n}s AS {n}\nJOIN events ON events.{n}_id = {n}.id\nWHERE events.created_at > now() - interval '7 days'\nGROUP BY {n}.id, {n}.name\nORDER BY uses DESC;"),
        ("yaml", "{n}:\n  replicas: 3\n  image: registry.example.com/{n}:1.4.2\n  env:\n    LOG_LEVEL: info\n    TIMEOUT_SECONDS: \"30\""),
        ("bash", "# build, test and ship the {n} service\nset -euo pipefail\nmake build\nmake test\ndocker build -t {n}:latest .\ndocker push registry.example.com/{n}:latest"),
    ];

    public (string Body, int Words, int Links) Write(SyntheticContent.TopicPlan plan, IReadOnlyList<SyntheticContent.TopicPlan> roadmap, int index)
    {
        var title = plan.Title;
        var (linkList, linkCount) = MakeLinks(roadmap, index);
        var links = new Queue<string>(linkList);
        var blocks = new List<Block>();

        ParagraphBlock Paragraph(int sentences, bool grows = true)
        {
            var p = new ParagraphBlock(Enumerable.Range(0, sentences).Select(_ => words.Sentence(title)).ToList(), grows);
            blocks.Add(p);
            return p;
        }

        var intro = Paragraph(2);
        intro.Sentences.Add($"It builds on {links.Dequeue()}.");
        var position = 0; // which H2 we are in: 1 why, 2 key ideas, 3 how, 4 pitfalls, 5 next
        foreach (var heading in plan.Headings)
        {
            blocks.Add(new HeadingBlock(heading.Level, heading.Text));
            position += heading.Level == 2 ? 1 : 0;
            switch (heading.Level, position)
            {
                case (3, _):
                    Paragraph(1);
                    break;
                case (2, 1):
                    Paragraph(2);
                    break;
                case (2, 2):
                    Paragraph(1).Sentences.Add($"Compare it with {links.Dequeue()}, which solves a related problem.");
                    break;
                case (2, 3):
                    Paragraph(1);
                    blocks.Add(new ListBlock(true, Enumerable.Range(0, random.Next(3, 5)).Select(_ => words.Sentence(title)).ToList()));
                    var (language, code) = words.Pick(CodeSamples);
                    var noun = words.Noun();
                    blocks.Add(new CodeBlock(language, code.Replace("{n}", noun).Replace("{N}", Vocabulary.Capitalize(noun))));
                    Paragraph(1).Sentences.Add($"The `{noun}_id` above is only an example; use your own {noun} keys.");
                    break;
                case (2, 4):
                    blocks.Add(new ListBlock(false, Enumerable.Range(0, random.Next(3, 5))
                        .Select(_ => $"**{Vocabulary.Capitalize(words.Adjective())} {words.Noun()}s**: {words.Sentence(title)}").ToList()));
                    break;
                default:
                    var next = Paragraph(1, grows: false);
                    next.Sentences.Add($"Continue with {string.Join(", then ", links)}.");
                    links.Clear();
                    break;
            }
        }
        if (links.Count > 0)
        {
            Paragraph(1, grows: false).Sentences.Add($"See also {string.Join(" and ", links)}.");
        }

        // Pad the prose to a target of 300–580 words (one sentence more may take it just past it).
        var target = random.Next(300, 581);
        var growing = blocks.OfType<ParagraphBlock>().Where(p => p.Grows).ToList();
        var count = blocks.Sum(CountWords);
        while (count < target)
        {
            var sentence = words.Sentence(title);
            words.Pick(growing).Sentences.Insert(0, sentence);
            count += Vocabulary.CountWords(sentence);
        }

        return (Render(blocks), count, linkCount);
    }

    private (List<string> Links, int RealLinks) MakeLinks(IReadOnlyList<SyntheticContent.TopicPlan> roadmap, int index)
    {
        var wanted = Math.Min(random.Next(3, 6), roadmap.Count - 1);
        var targets = new HashSet<int>();
        while (targets.Count < wanted)
        {
            var t = random.Next(roadmap.Count);
            if (t != index)
            {
                targets.Add(t);
            }
        }
        var result = new List<string>();
        foreach (var t in targets)
        {
            var target = roadmap[t];
            if (random.Next(2) == 0)
            {
                result.Add($"[{target.Title.ToLowerInvariant()}]({target.Slug}.md)");
            }
            else
            {
                var heading = words.Pick(target.Headings);
                result.Add($"[{heading.Text.ToLowerInvariant()} in {target.Title.ToLowerInvariant()}]({target.Slug}.md#{heading.Id})");
            }
        }
        var real = result.Count;
        // The body always fills three link slots; pad with plain text when a roadmap is tiny.
        while (result.Count < 3)
        {
            result.Add("the topics before it");
        }
        return (result, real);
    }

    private static int CountWords(Block block) => block switch
    {
        HeadingBlock h => Vocabulary.CountWords(h.Text),
        ParagraphBlock p => p.Sentences.Sum(Vocabulary.CountWords),
        ListBlock l => l.Items.Sum(Vocabulary.CountWords),
        _ => 0,
    };

    private static string Render(List<Block> blocks)
    {
        var sb = new StringBuilder(4096);
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    sb.Append('#', h.Level).Append(' ').Append(h.Text).Append("\n\n");
                    break;
                case ParagraphBlock p:
                    sb.AppendJoin(' ', p.Sentences).Append("\n\n");
                    break;
                case ListBlock l:
                    for (var i = 0; i < l.Items.Count; i++)
                    {
                        sb.Append(l.Numbered ? $"{i + 1}. " : "- ").Append(l.Items[i]).Append('\n');
                    }
                    sb.Append('\n');
                    break;
                case CodeBlock c:
                    sb.Append("```").Append(c.Language).Append('\n').Append(c.Code).Append("\n```\n\n");
                    break;
            }
        }
        return sb.ToString().TrimEnd() + "\n";
    }
}
