using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>Splits a Markdown file into its YAML front matter and body, keeping line numbers.</summary>
public sealed record FrontMatter(string Yaml, int YamlFirstLine, string Body, int BodyLineOffset)
{
    public static FrontMatter? Split(SourceText source, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        if (!(text.StartsWith("---\n") || text == "---"))
        {
            diagnostics.Error(Codes.MissingFrontMatter, source.Path, 1, 1,
                "the file does not start with front matter (add a first line '---', then 'title:', 'summary:' …, then a line '---')");
            return null;
        }
        var lineNumber = 1;
        var position = 4;
        while (position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            var line = end < 0 ? text[position..] : text[position..end];
            lineNumber++;
            if (line.TrimEnd() is "---" or "...")
            {
                var yaml = text[4..position];
                var body = end < 0 ? "" : text[(end + 1)..];
                return new FrontMatter(yaml, 2, body, lineNumber);
            }
            if (end < 0) break;
            position = end + 1;
        }
        diagnostics.Error(Codes.FrontMatterNotClosed, source.Path, 1, 1,
            "the front matter is never closed (add a line '---' after the last front matter field)");
        return null;
    }
}
