using System.Text;

namespace RoadmapGen.Bench;

/// <summary>Word lists and sentence templates for plausible, deterministic technical prose.</summary>
internal sealed class Vocabulary(Random random)
{
    // Regular nouns only: the plural is noun + "s".
    private static readonly string[] Nouns =
    [
        "cache", "queue", "schema", "token", "container", "endpoint", "replica", "shard", "pipeline",
        "request", "response", "header", "cookie", "session", "service", "worker", "thread", "socket",
        "packet", "router", "table", "column", "statement", "transaction", "lock", "log", "metric", "trace",
        "alert", "deployment", "cluster", "node", "volume", "image", "build", "test", "mock", "fixture",
        "module", "package", "plugin", "framework", "handler", "middleware", "controller", "model",
        "view", "template", "event", "message", "topic", "consumer", "producer", "broker", "stream",
        "record", "document", "key", "value", "bucket", "secret", "certificate", "permission", "role",
        "rule", "user", "account", "payload", "parser", "compiler", "runtime", "job", "signal",
        "timeout", "hook", "limit", "quota", "snapshot", "backup", "migration", "release", "tag",
        "commit", "review", "script", "variable", "function", "object", "interface", "contract",
    ];

    private static readonly string[] Adjectives =
    [
        "distributed", "stateless", "idempotent", "asynchronous", "concurrent", "durable", "immutable",
        "scalable", "secure", "encrypted", "cached", "versioned", "typed", "lazy", "eager", "atomic",
        "consistent", "partitioned", "replicated", "observable", "resilient", "lightweight", "layered",
        "modular", "declarative", "reactive", "persistent", "ephemeral", "isolated", "shared", "public",
        "private", "remote", "local", "batched", "streaming", "indexed", "signed", "automated", "portable",
    ];

    private static readonly string[] Verbs =
    [
        "store", "fetch", "validate", "cache", "replicate", "route", "serialize", "parse", "encrypt",
        "compress", "schedule", "monitor", "deploy", "retry", "index", "migrate", "authenticate",
        "authorize", "log", "trace", "queue", "publish", "consume", "render", "test", "profile", "scale",
        "balance", "partition", "refresh",
    ];

    private static readonly string[] Sentences =
    [
        "A {A} {N} lets a service {V} each {N2} without waiting for the {N3}.",
        "Most teams start with a single {N} and only split it once the {N2s} grow.",
        "When the {N} fails, the {N2} should {V} the work again instead of losing it.",
        "Think of {T} as the way a {N} and a {N2} agree on who does what.",
        "You will {V} {N2s} every day, so learn the defaults before you change them.",
        "Keep each {N} small, {A} and easy to {V}; that is most of the craft.",
        "The {A} approach costs a little more up front and saves hours when the {N2} breaks.",
        "Measure how long it takes to {V} one {N} before you try to make it faster.",
        "A {N} that is {A} can be shared safely between many {N2s}.",
        "Beginners often confuse the {N} with the {N2}, but they solve different problems.",
        "Write down why every {N} exists, because the next person will want to {V} it.",
        "Good tooling makes it cheap to {V} a {N} locally before it reaches production.",
        "In a small project one {N} is enough; in a large one you will need a {A} {N2}.",
        "The {N2} does not know about the {N}, which keeps both of them simple to {V}.",
        "Logs and metrics show when a {N} is slow long before users notice the {N2}.",
        "Every {A} {N} needs a clear owner and a documented way to {V} it.",
        "Most of the time the bug is in how the {N} handles an empty {N2}.",
        "Prefer the boring, well-documented {N} over the clever one you found yesterday.",
        "Learning {T} well makes every later {N} and {N2} easier to understand.",
        "A quick experiment with a throwaway {N} teaches more than an hour of reading.",
    ];

    public T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];

    public string Noun() => Pick(Nouns);

    public string Adjective() => Pick(Adjectives);

    public string Verb() => Pick(Verbs);

    public string Sentence(string topicTitle)
    {
        var template = Pick(Sentences);
        var sb = new StringBuilder(template.Length + 40);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                sb.Append(template[i]);
                continue;
            }
            var end = template.IndexOf('}', i);
            var slot = template[(i + 1)..end];
            sb.Append(slot switch
            {
                "A" => Adjective(),
                "V" => Verb(),
                "T" => topicTitle.ToLowerInvariant(),
                _ when slot.EndsWith('s') => Noun() + "s",
                _ => Noun(),
            });
            i = end;
        }
        return FixArticles(sb.ToString());
    }

    /// <summary>"a idempotent" becomes "an idempotent".</summary>
    public static string FixArticles(string s)
    {
        var sb = new StringBuilder(s);
        for (var i = 0; i + 2 < sb.Length; i++)
        {
            var startsWord = i == 0 || sb[i - 1] == ' ';
            if (startsWord && sb[i] is 'a' or 'A' && sb[i + 1] == ' ' && "aeiou".Contains(sb[i + 2]))
            {
                sb.Insert(i + 1, 'n');
            }
        }
        return sb.ToString();
    }

    public string Paragraph(string topicTitle, int sentences)
    {
        var parts = new string[sentences];
        for (var i = 0; i < sentences; i++)
        {
            parts[i] = Sentence(topicTitle);
        }
        return string.Join(' ', parts);
    }

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>GitHub-style heading id: lowercase, punctuation dropped, spaces to hyphens.</summary>
    public static string Kebab(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('-');
            }
        }
        return sb.ToString();
    }

    public static int CountWords(string text) =>
        text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
}
