using System.Text.RegularExpressions;
using RoadmapGen.Load;

namespace RoadmapGen.Cli;

/// <summary>The text of the topic file <c>new topic</c> writes, and the title it makes from a slug.</summary>
internal static partial class TopicTemplate
{
    /// <summary>"message-queues" → "Message queues".</summary>
    public static string TitleFrom(string slug)
    {
        var words = slug.Replace('-', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex(@"^[A-Za-z0-9(][A-Za-z0-9 ,.()'/+&-]*$")]
    private static partial Regex PlainYamlText();

    private static string YamlText(string text) => PlainYamlText().IsMatch(text) && !text.EndsWith(' ')
        ? text
        : "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>
    /// Valid as written, so the site previews straight away, but every placeholder says it is one
    /// and fails the build until it is replaced (<see cref="Placeholders"/>): example.com is
    /// reserved for examples and never a real resource.
    /// </summary>
    public static string Text(string title) => $"""
        ---
        title: {YamlText(title)}
        summary: {YamlText($"{Placeholders.Text} one sentence about {title}, shown on the roadmap and in search results.")}
        prerequisites: []      # slugs of topics to learn first, e.g. [http, databases]
        resources:
          # Replace both placeholders with real resources (how many: rules in site.yml): a title, the full URL,
          # and a type: {string.Join(" | ", TopicReader.ResourceTypes)}
          - title: {Placeholders.Title} the first resource's title
            url: {Placeholders.ResourceUrl}
            type: article
          - title: {Placeholders.Title} the official documentation's title
            url: {Placeholders.OfficialUrl}
            type: official
        ---

        {Placeholders.Text} a short introduction for a beginner: what it is, in two or three
        sentences, in your own words. (No `# heading` here: the title comes from the front matter.)

        ## Why backend developers need it

        {Placeholders.Text} the problems it solves in real backend work.

        ## Key ideas

        {Placeholders.Text} the ideas to understand, as short sections or a list; add a small code
        or config example where it helps. Link to other topics as `[HTTP](http.md)`.

        ## Common pitfalls

        {Placeholders.Text} the mistakes beginners make, and how to avoid them.

        ## What to learn next

        {Placeholders.Text} the topics that build on this one, linked as `[Caching](caching.md)`.

        """;
}
