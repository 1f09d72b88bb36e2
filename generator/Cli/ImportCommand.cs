using System.CommandLine;
using System.Diagnostics;
using RoadmapGen.Import;

namespace RoadmapGen.Cli;

/// <summary><c>import roadmap.sh SRC OUT</c>: a roadmap.sh content checkout → our content folder, with a report.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("src") { Description = "A checkout of the roadmap.sh repository (or its src/data/roadmaps folder)" };
        var output = new Argument<string>("out") { Description = "A new folder to write the content into (never an existing one import did not make)" };
        var roadmapSh = new Command("roadmap.sh", "Import roadmap.sh's roadmaps: topics, resources, and stages from the diagrams") { source, output };
        roadmapSh.SetAction(parse => Run(parse.GetValue(source)!, parse.GetValue(output)!, Console.Out));
        return new Command("import", "Import content from another roadmap site") { roadmapSh };
    }

    public static int Run(string source, string outDir, TextWriter console)
    {
        var clock = Stopwatch.StartNew();
        var roadmapsDir = new[] { Path.Combine(source, "src", "data", "roadmaps"), source }
            .FirstOrDefault(d => Directory.Exists(d) && Directory.GetDirectories(d).Any(r => Directory.Exists(Path.Combine(r, "content"))));
        if (roadmapsDir is null)
        {
            console.WriteLine($"{source}: not a roadmap.sh checkout: no src/data/roadmaps/<id>/content/ folder found (nothing was written)");
            return 1;
        }
        var root = Path.GetFullPath(source);
        string Display(string path) => Path.GetRelativePath(root, Path.GetFullPath(path)).Replace('\\', '/');
        var report = new ImportReport();
        var roadmaps = Directory.GetDirectories(roadmapsDir).Order(StringComparer.Ordinal)
            .Where(d => Directory.Exists(Path.Combine(d, "content")))
            .Select(d => RoadmapShReader.Read(d, Display, report)).OfType<ImportedRoadmap>().ToList();
        // Two folders whose names make the same id, or one named like a built-in page: the second (or that one) gets a number.
        var ids = new HashSet<string>(Core.Routes.ReservedPageSlugs, StringComparer.Ordinal);
        for (var i = 0; i < roadmaps.Count; i++)
        {
            var id = roadmaps[i].Id;
            for (var n = 2; !ids.Add(id); n++) id = $"{roadmaps[i].Id}-{n}";
            if (id != roadmaps[i].Id) { report.Changes.Add($"roadmap '{roadmaps[i].Id}' → '{id}' (another folder or a built-in page has that URL)"); roadmaps[i] = roadmaps[i] with { Id = id }; }
        }
        if (roadmaps.Count == 0)
        {
            foreach (var problem in report.Problems) console.WriteLine("problem: " + problem);
            console.WriteLine($"{source}: no roadmap could be read (nothing was written)");
            return 1;
        }
        if (ImportWriter.Write(outDir, roadmaps) is { } refused)
        {
            console.WriteLine(refused);
            return 1;
        }
        foreach (var change in report.Changes) console.WriteLine("changed: " + change);
        foreach (var problem in report.Problems) console.WriteLine("problem: " + problem);
        var topics = roadmaps.Sum(r => r.Stages.Sum(s => s.Topics.Count));
        var resources = roadmaps.Sum(r => r.Stages.Sum(s => s.Topics.Sum(t => t.Resources.Count)));
        console.WriteLine($"Imported {roadmaps.Count} roadmap(s), {topics} topics, {resources} resources into {outDir} in {clock.Elapsed.TotalSeconds:0.0} s: "
            + $"{report.Changes.Count} change(s), {report.Problems.Count} problem(s) listed above. "
            + $"Build it to see what is left: roadmapgen build --content {outDir}");
        return 0;
    }
}
