using System.CommandLine;
using System.Text;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Cli;

/// <summary><c>new topic &lt;roadmap&gt; &lt;slug&gt;</c>: a topic file that builds, listed in roadmap.yml, so a contributor starts from a working page.</summary>
public static class NewCommand
{
    public static Command Create()
    {
        var roadmap = new Argument<string>("roadmap") { Description = "The roadmap to add the topic to: a folder name under content/roadmaps/" };
        var slug = new Argument<string>("slug") { Description = "The topic's slug: lowercase-kebab, e.g. message-queues; also its file name and URL" };
        var content = CommonOptions.Content();
        var title = new Option<string?>("--title") { Description = "The topic's title (default: made from the slug)" };
        var topic = new Command("topic", "Create topics/<slug>.md from a template and list it in the last stage of roadmap.yml")
        {
            roadmap, slug, content, title,
        };
        topic.SetAction(parse => RunTopic(parse.GetValue(content)!, parse.GetValue(roadmap)!, parse.GetValue(slug)!, parse.GetValue(title), Console.Out));
        return new Command("new", "Create content from a template") { topic, NewTranslation.Create() };
    }

    public static int RunTopic(string contentRoot, string roadmapId, string slug, string? title, TextWriter console)
    {
        var diagnostics = new DiagnosticBag();
        var plan = Plan(contentRoot, roadmapId, slug, title, diagnostics);
        if (plan is null || diagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(diagnostics.Sorted(), console, DiagnosticPrinter.InGitHubActions);
            console.WriteLine("Nothing was created.");
            return 1;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(plan.TopicPath)!);
            // CreateNew: never overwrite a topic that appeared since the check above.
            using (var stream = new FileStream(plan.TopicPath, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
                writer.Write(plan.TopicText);
            if (plan.Edit is not null) File.WriteAllText(plan.RoadmapPath, plan.Edit.Text, plan.RoadmapEncoding);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.WriteFailed, DisplayPath.Of(plan.TopicPath), 0, 0, $"could not write the topic: {e.Message} (check the folder is writable)");
            DiagnosticPrinter.Print(diagnostics.Sorted(), console, DiagnosticPrinter.InGitHubActions);
            return 1;
        }

        var topicDisplay = DisplayPath.Of(plan.TopicPath);
        var roadmapDisplay = DisplayPath.Of(plan.RoadmapPath);
        console.WriteLine($"Created {topicDisplay}");
        if (plan.Edit is not null)
            console.WriteLine($"Listed '{slug}' in {roadmapDisplay}({plan.Edit.Line}), at the end of stage {plan.Edit.StageNumber}: {plan.Edit.StageTitle}");
        else
            console.WriteLine($"'{slug}' was already listed in {roadmapDisplay}({plan.ListedLine}); left it where it is");
        var contentOption = Path.GetFullPath(contentRoot) == Path.GetFullPath("content") ? "" : $" --content {contentRoot}";
        console.WriteLine();
        console.WriteLine("Next steps:");
        console.WriteLine($"  1. Write the topic in {topicDisplay}: replace the summary, the two example.com resources and the text under each heading.");
        if (plan.Edit is not null)
            console.WriteLine($"  2. In {roadmapDisplay}, move '{slug}' to the stage where it belongs.");
        console.WriteLine($"  {(plan.Edit is not null ? 3 : 2)}. Preview it:  dotnet run --project generator -- serve{contentOption}   (page: {Routes.AtRoot.Topic(roadmapId, slug)})");
        console.WriteLine($"  {(plan.Edit is not null ? 4 : 3)}. Check it:    dotnet run --project generator -- build{contentOption}   (it fails, RG0148, while a placeholder is left)");
        return 0;
    }

    private sealed record TopicPlan(string TopicPath, string TopicText, string RoadmapPath, RoadmapListEdit.Edit? Edit, int? ListedLine, Encoding RoadmapEncoding);

    private static TopicPlan? Plan(string contentRoot, string roadmapId, string slug, string? title, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(contentRoot);
        if (!Directory.Exists(root))
        {
            diagnostics.Error(Codes.ContentFolderMissing, DisplayPath.Of(root), 0, 0,
                "the content folder does not exist (run from the repository root, or pass --content <folder>)");
            return null;
        }
        var roadmapsRoot = Path.Combine(root, "roadmaps");
        var roadmapDir = Path.Combine(roadmapsRoot, roadmapId);
        var roadmapPath = Path.Combine(roadmapDir, "roadmap.yml");
        if (!Slug.IsValid(roadmapId) || !File.Exists(roadmapPath))
        {
            var existing = Directory.Exists(roadmapsRoot)
                ? Directory.GetDirectories(roadmapsRoot).Where(d => File.Exists(Path.Combine(d, "roadmap.yml"))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
                : [];
            var suggestion = DidYouMean.Suggest(roadmapId, existing);
            diagnostics.Error(Codes.NoRoadmaps, DisplayPath.Of(roadmapDir), 0, 0,
                $"there is no roadmap '{roadmapId}' ({(suggestion is not null ? $"did you mean '{suggestion}'? " : "")}" +
                (existing.Count > 0 ? $"roadmaps: {string.Join(", ", existing)})" : "create roadmaps/<id>/roadmap.yml first)"));
            return null;
        }

        var topicPath = Path.Combine(roadmapDir, "topics", slug + ".md");
        if (!Slug.IsValid(slug))
        {
            var fixedSlug = Slug.From(slug);
            diagnostics.Error(Codes.InvalidSlug, DisplayPath.Of(topicPath), 0, 0,
                $"'{slug}' is not a lowercase-kebab slug (use letters a-z, digits and '-'{(fixedSlug.Length > 0 ? $", like '{fixedSlug}'" : "")})");
            return null;
        }
        if (Routes.ReservedTopicSlugs.Contains(slug))
        {
            diagnostics.Error(Codes.RouteCollision, DisplayPath.Of(topicPath), 0, 0,
                $"'{slug}' is the URL of the roadmap's own '{slug}' page (choose another slug)");
            return null;
        }
        if (File.Exists(topicPath))
        {
            diagnostics.Error(Codes.DuplicateSlug, DisplayPath.Of(topicPath), 1, 1,
                $"topic '{slug}' already exists (edit this file, or choose another slug)");
            return null;
        }

        var bytes = File.ReadAllBytes(roadmapPath);
        var hasBom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        var encoding = new UTF8Encoding(hasBom);
        var yaml = new UTF8Encoding(false).GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
        var listedLine = RoadmapListEdit.ListedAt(yaml, slug);
        RoadmapListEdit.Edit? edit = null;
        if (listedLine is null)
        {
            var (made, problem) = RoadmapListEdit.AppendToLastStage(yaml, slug);
            if (made is null)
            {
                diagnostics.Error(problem!.Code, DisplayPath.Of(roadmapPath), 0, 0, problem.Message);
                return null;
            }
            edit = made;
        }
        var topicTitle = string.IsNullOrWhiteSpace(title) ? TopicTemplate.TitleFrom(slug) : string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return new TopicPlan(topicPath, TopicTemplate.Text(topicTitle), roadmapPath, edit, listedLine, encoding);
    }
}
