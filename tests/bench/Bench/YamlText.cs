using System.Text;

namespace RoadmapGen.Bench;

/// <summary>Just enough YAML writing for front matter and roadmap files.</summary>
internal static class YamlText
{
    /// <summary>A scalar: plain when that is unambiguous, double-quoted otherwise.</summary>
    public static string Scalar(string value)
    {
        var plain = value.Length > 0
            && char.IsAsciiLetterOrDigit(value[0])
            && !value.Contains(": ", StringComparison.Ordinal)
            && !value.Contains(" #", StringComparison.Ordinal)
            && !value.EndsWith(':')
            && value.All(c => char.IsAsciiLetterOrDigit(c) || " ,.'()?/_-".Contains(c));
        if (plain)
        {
            return value;
        }
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            sb.Append(c switch { '"' => "\\\"", '\\' => "\\\\", _ => c.ToString() });
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A flow sequence of slugs: <c>[a, b, c]</c>.</summary>
    public static string FlowList(IEnumerable<string> slugs) => "[" + string.Join(", ", slugs) + "]";

    /// <summary>The front matter both generators share: title, summary, prerequisites, resources.</summary>
    public static void AppendTopicFrontMatter(StringBuilder sb, Topic topic)
    {
        sb.Append("---\n");
        sb.Append("title: ").Append(Scalar(topic.Title)).Append('\n');
        sb.Append("summary: ").Append(Scalar(topic.Summary)).Append('\n');
        if (topic.Prerequisites.Count > 0)
        {
            sb.Append("prerequisites: ").Append(FlowList(topic.Prerequisites)).Append('\n');
        }
        sb.Append("resources:\n");
        foreach (var r in topic.Resources)
        {
            sb.Append("  - title: ").Append(Scalar(r.Title)).Append('\n');
            sb.Append("    url: ").Append(r.Url).Append('\n');
            sb.Append("    type: ").Append(r.Type).Append('\n');
        }
        sb.Append("---\n\n");
    }
}
