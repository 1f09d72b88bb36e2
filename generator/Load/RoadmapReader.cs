using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>Reads roadmap.yml and ties it to its topic files: listing, order, prerequisites.</summary>
public static class RoadmapReader
{
    private static readonly string[] RoadmapFields = ["title", "summary", "stages"];
    private static readonly string[] StageFields = ["title", "summary", "topics", "id", "choices", "optional"];

    public static Roadmap? Read(string dir, IReadOnlyList<string> topicFiles, IReadOnlyDictionary<string, TopicSource> topicsByFile,
        IReadOnlyDictionary<string, string> contentFiles, DiagnosticBag diagnostics)
    {
        var id = Path.GetFileName(dir);
        var ymlPath = Path.Combine(dir, "roadmap.yml");
        var display = DisplayPath.Of(ymlPath);
        if (!Slug.IsValid(id))
        {
            diagnostics.Error(Codes.InvalidSlug, DisplayPath.Of(dir), 0, 0,
                $"roadmap folder '{id}' is not a lowercase-kebab slug (rename it to '{Slug.From(id)}')");
            return null;
        }
        if (!File.Exists(ymlPath))
        {
            diagnostics.Error(Codes.MissingField, display, 0, 0,
                "roadmap.yml is missing (create it with 'title:', 'summary:' and 'stages:')");
            return null;
        }
        var contentRoot = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(dir)))!;
        var source = LinkedFiles.StaysInside(contentRoot, ymlPath, diagnostics) ? SourceText.Read(ymlPath, display, diagnostics) : null;
        if (source is null) return null;
        var map = YamlMap.Parse(source.Text, display, 1, diagnostics, "roadmap.yml");
        if (map is null) return null;
        var title = map.String("title", required: true, hint: "The roadmap's name");
        var summary = map.String("summary", required: true, hint: "One sentence about the roadmap");
        var stageMaps = map.MapList("stages", required: true, itemWhat: "stage") ?? [];
        map.ReportUnknown(RoadmapFields);

        var slugToFile = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in topicFiles)
        {
            if (SiteLoader.CheckFileSlug(file, contentFiles[file], diagnostics))
            {
                var slug = Path.GetFileNameWithoutExtension(file);
                if (Routes.ReservedTopicSlugs.Contains(slug))
                    diagnostics.Error(Codes.RouteCollision, contentFiles[file], 0, 0,
                        $"this file's route '{Routes.AtRoot.Topic(id, slug)}' is the roadmap's own '{slug}' page; its file name is its URL, so rename the file (and its entry in roadmap.yml)");
                else if (PageIds.Fixed.Contains(slug))
                    diagnostics.Error(Codes.SlugIsPageId, contentFiles[file], 0, 0,
                        $"the slug '{slug}' is the id of an element every page has ('#{slug}'), and a topic's slug is the id of its section on the whole-roadmap page (rename the file and its entry in roadmap.yml, e.g. to '{slug}-topic.md')");
                slugToFile[slug] = file;
            }
        }

        var stages = new List<StageDraft>();
        var groups = new StageGroups(display, diagnostics);
        var stageIds = new StageIds(display, diagnostics);
        var listedAt = new Dictionary<string, SlugRef>(StringComparer.Ordinal);
        foreach (var stageMap in stageMaps)
        {
            var stageTitle = stageMap.String("title", required: true, hint: "The stage's name") ?? $"Stage {stages.Count + 1}";
            var writtenId = stageMap.String("id", required: false);
            if (writtenId is not null && !Slug.IsValid(writtenId))
            {
                // The id is an HTML id and a #fragment of the roadmap page's URL.
                diagnostics.Error(Codes.InvalidSlug, display, stageMap.Line, stageMap.Column,
                    $"stage id '{writtenId}' is not a lowercase-kebab slug (use letters a-z, digits and '-', like '{Slug.From(writtenId)}')");
                writtenId = null;
            }
            var stage = new StageDraft
            {
                Number = stages.Count + 1,
                Title = stageTitle,
                Id = writtenId ?? (Slug.From(stageTitle) is { Length: > 0 } fromTitle ? fromTitle : $"stage-{stages.Count + 1}"),
                Summary = stageMap.String("summary", required: false) ?? "",
            };
            stageIds.Claim(stage.Id, writtenId is not null, stage.Number, stageTitle, stageMap.Line, stageMap.Column);
            var written = stageMap.StringList("topics", required: true);
            var listed = written ?? [];
            if (written is { Count: 0 })
                diagnostics.Warning(Codes.EmptyStage, display, stageMap.Line, stageMap.Column,
                    $"stage '{stageTitle}' lists no topics, so readers would see an empty stage (add its topics, or remove the stage)");
            foreach (var (slug, line, column) in listed)
            {
                if (!Slug.IsValid(slug))
                {
                    diagnostics.Error(Codes.InvalidSlug, display, line, column,
                        $"'{slug}' is not a lowercase-kebab topic slug (use letters a-z, digits and '-', like '{Slug.From(slug)}')");
                    continue;
                }
                if (listedAt.TryGetValue(slug, out var first))
                {
                    diagnostics.Error(Codes.TopicListedTwice, display, line, column,
                        $"topic '{slug}' is listed twice (first at line {first.Line}; remove one)");
                    continue;
                }
                listedAt[slug] = new SlugRef(slug, line, column);
                if (!slugToFile.TryGetValue(slug, out var file))
                {
                    var suggestion = DidYouMean.Suggest(slug, slugToFile.Keys);
                    diagnostics.Error(Codes.ListedTopicMissing, display, line, column,
                        $"topic '{slug}' is listed but topics/{slug}.md does not exist" + (suggestion is null
                            ? $" (create it with: dotnet run --project generator -- new topic {id} {slug})"
                            : $" (did you mean '{suggestion}'?)"));
                    continue;
                }
                if (topicsByFile.TryGetValue(file, out var topic)) stage.Topics.Add(new TopicDraft(topic, stage));
            }
            groups.Read(stageMap, stage, listed.Select(l => l.Value).ToHashSet(StringComparer.Ordinal));
            stageMap.ReportUnknown(StageFields);
            stages.Add(stage);
        }

        stageIds.AgainstChoices(stages.SelectMany(s => s.Choices).Select(c => c.Id));

        foreach (var (slug, file) in slugToFile)
        {
            if (!listedAt.ContainsKey(slug))
                diagnostics.Error(Codes.TopicNotListed, contentFiles[file], 1, 1,
                    $"topic '{slug}' is not listed in {display} (add '{slug}' to the 'topics' of a stage)");
        }
        if (title is null || summary is null) return null;

        var ordered = stages.SelectMany(s => s.Topics).ToList();
        for (var i = 0; i < ordered.Count; i++) ordered[i].Index = i;
        var unreadable = slugToFile.Where(kv => !topicsByFile.ContainsKey(kv.Value)).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        PrerequisiteGraph.Link(ordered, unreadable, diagnostics);
        var roadmap = RoadmapDrafts.Freeze(id, title, summary, display, stages);
        PathRules.Check(roadmap.Topics, diagnostics);
        return roadmap;
    }
}
