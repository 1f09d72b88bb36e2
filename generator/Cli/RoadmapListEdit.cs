using RoadmapGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace RoadmapGen.Cli;

/// <summary>
/// Adds a slug to the last stage's <c>topics</c> list of a roadmap.yml by editing its text
/// where the parser says the list is, so comments, quoting, order and blank lines survive
/// (re-serialising the YAML would drop all of them).
/// </summary>
public static class RoadmapListEdit
{
    public sealed record Edit(string Text, string StageTitle, int StageNumber, int Line);

    /// <summary>Where a slug is already listed, if it is.</summary>
    public static int? ListedAt(string yaml, string slug)
    {
        YamlMappingNode? root;
        try
        {
            root = Parse(yaml);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }
        if (root is null || !TryGet(root, "stages", out var stagesNode) || stagesNode is not YamlSequenceNode stages) return null;
        foreach (var stage in stages.Children.OfType<YamlMappingNode>())
        {
            if (!TryGet(stage, "topics", out var topics) || topics is not YamlSequenceNode list) continue;
            var found = list.Children.OfType<YamlScalarNode>().FirstOrDefault(s => s.Value?.Trim() == slug);
            if (found is not null) return (int)found.Start.Line;
        }
        return null;
    }

    /// <summary>Why roadmap.yml could not be edited, with the code the build gives the same mistake.</summary>
    public sealed record Problem(string Code, string Message);

    /// <summary>The new text, or why the list could not be found (the caller reports it, and writes nothing).</summary>
    public static (Edit? Edit, Problem? Problem) AppendToLastStage(string yaml, string slug)
    {
        YamlMappingNode? root;
        try
        {
            root = Parse(yaml);
        }
        catch (YamlException e)
        {
            return (null, new(Codes.YamlSyntax, $"roadmap.yml is not valid YAML at line {e.Start.Line} (fix it first: the build shows the problem)"));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            return (null, new(Codes.YamlSyntax, "roadmap.yml is not valid YAML (fix it first: the build shows the problem)"));
        }
        if (root is null || !TryGet(root, "stages", out var stagesNode) || stagesNode is not YamlSequenceNode { Children.Count: > 0 } stages)
            return (null, new(Codes.MissingField, "roadmap.yml has no 'stages' list (add a stage with 'title:' and 'topics:', then run this again)"));
        if (stages.Children[^1] is not YamlMappingNode stage)
            return (null, new(Codes.WrongType, "the last stage in roadmap.yml is not a 'field: value' mapping (fix roadmap.yml first)"));
        var title = TryGet(stage, "title", out var t) && t is YamlScalarNode { Value: { } v } ? v : $"Stage {stages.Children.Count}";
        if (!TryGet(stage, "topics", out var topicsNode) || topicsNode is not YamlSequenceNode topics)
            return (null, new(Codes.MissingField, $"the last stage, '{title}', has no 'topics' list (add 'topics: []' to it, then run this again)"));

        var newline = yaml.Contains("\r\n") ? "\r\n" : "\n";
        string text;
        int line;
        if (topics.Style == SequenceStyle.Flow)
        {
            // After the last item, not before ']', so a trailing comma or a ']' on its own line stays valid.
            var at = topics.Children.Count > 0 ? (int)topics.Children[^1].End.Index : (int)topics.Start.Index + 1;
            text = yaml.Insert(at, (topics.Children.Count > 0 ? ", " : "") + slug);
            line = (int)(topics.Children.Count > 0 ? topics.Children[^1].End.Line : topics.Start.Line);
        }
        else
        {
            var last = topics.Children[^1];
            var endOfLine = yaml.IndexOf('\n', (int)last.End.Index);
            if (endOfLine < 0) endOfLine = yaml.Length;
            else if (endOfLine > 0 && yaml[endOfLine - 1] == '\r') endOfLine--;
            // The dash of the first item sets the indentation the list uses.
            var indent = new string(' ', (int)topics.Start.Column - 1);
            text = yaml.Insert(endOfLine, newline + indent + "- " + slug);
            line = (int)last.End.Line + 1;
        }
        return ListedLast(text, slug)
            ? (new Edit(text, title, stages.Children.Count, line), null)
            : (null, new(Codes.WriteFailed, $"could not add '{slug}' to the last stage's topics safely (add it by hand)"));
    }

    /// <summary>The edit is only kept if the edited text parses and lists the slug last in the last stage.</summary>
    private static bool ListedLast(string yaml, string slug)
    {
        try
        {
            return Parse(yaml) is { } root && TryGet(root, "stages", out var s) && s is YamlSequenceNode { Children.Count: > 0 } stages
                && stages.Children[^1] is YamlMappingNode stage && TryGet(stage, "topics", out var t)
                && t is YamlSequenceNode { Children.Count: > 0 } topics && topics.Children[^1] is YamlScalarNode { Value: { } v } && v == slug;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    private static YamlMappingNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(Load.YamlLimits.For(yaml));
        return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
    }

    private static bool TryGet(YamlMappingNode map, string key, out YamlNode value) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out value!);
}
