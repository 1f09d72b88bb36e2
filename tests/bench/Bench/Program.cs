using System.Diagnostics;
using System.Globalization;
using RoadmapGen.Bench;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Options o;
try
{
    o = Options.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"bench: {e.Message}\n\n{Options.Usage}");
    return 2;
}
if (o.Help)
{
    Console.WriteLine(Options.Usage);
    return 0;
}

Directory.CreateDirectory(o.Out);
if (o.ContentOnly)
{
    foreach (var size in o.Sizes)
    {
        var content = Path.Combine(o.Out, $"n{size}", "content");
        var corpus = SyntheticContent.Generate(size, o.Seed, o.TopicsPerRoadmap);
        Tools.DeleteDirectory(content);
        RoadmapGenContent.Write(corpus, content);
        Console.WriteLine($"{size} topics in {corpus.Roadmaps.Count} roadmap(s) → {content}");
    }
    return 0;
}
// Every RoadmapGen run is measured as a first run: highlighted code kept by an earlier build
// (see HighlightStore) would make later runs faster than a fresh checkout's. The targets add
// one row with the store warm, labelled so.
Environment.SetEnvironmentVariable("ROADMAPGEN_CACHE", "off");
var report = new Report();
void Say(string line = "") => report.Say(line);

// ---- What is there to run -------------------------------------------------------------------
var hugo = o.Hugo ? Tools.Which("hugo") : null;
var linkchecker = Tools.Which("linkchecker");
var linkinator = Tools.Which("linkinator")
    ?? new[] { Path.Combine(o.Out, "node_modules", ".bin", "linkinator") }.FirstOrDefault(File.Exists);
var roadmapgen = o.RoadmapGen && File.Exists(o.RoadmapGenDll);

Say($"RoadmapGen benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Say($"  machine: {Environment.ProcessorCount} cores, {MemTotal()} RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Say($"  settings: sizes {string.Join(",", o.Sizes)}, {o.Runs} run(s) each, seed {o.Seed}, ≤{o.TopicsPerRoadmap} topics per roadmap; peak memory from {ProcessRunner.MemorySource}");
Say($"  RoadmapGen: {(roadmapgen ? Path.GetRelativePath(o.Root, o.RoadmapGenDll) : o.RoadmapGen ? $"NOT BUILT ({Path.GetRelativePath(o.Root, o.RoadmapGenDll)} missing; tests/bench/run.sh builds it)" : "skipped (--no-roadmapgen)")}");
Say($"  Hugo: {(hugo is not null ? FirstLine(hugo, "version") : o.Hugo ? "not on PATH, skipped (install: apt-get install hugo, or see gohugo.io/installation)" : "skipped (--no-hugo)")}");
if (o.Check)
{
    Say($"  linkchecker: {(linkchecker is not null ? FirstLine(linkchecker, "--version") : "not on PATH, skipped (install: apt-get install linkchecker)")}");
    Say($"  linkinator: {(linkinator is not null ? "linkinator " + FirstLine(linkinator, "--version") : "not found, skipped (install: npm install -g linkinator, or npm install --prefix tests/bench/out linkinator)")}");
}
Say($"  load average before: {LoadAverage()}{(Busy() ? "  (the machine is busy: wall times will be inflated; CPU times hold up better)" : "")}");
if (o.RoadmapGen && !roadmapgen)
{
    report.Note($"RoadmapGen was not measured: {Path.GetRelativePath(o.Root, o.RoadmapGenDll)} does not exist.", fails: true);
}
Say();

// ---- Build benchmark ------------------------------------------------------------------------
var measures = new List<BuildMeasure>();
foreach (var size in o.Sizes)
{
    var sizeDir = Path.Combine(o.Out, $"n{size}");
    var content = Path.Combine(sizeDir, "content");
    var hugoSource = Path.Combine(sizeDir, "hugo-site");
    var sw = Stopwatch.StartNew();
    var corpus = SyntheticContent.Generate(size, o.Seed, o.TopicsPerRoadmap);
    Tools.DeleteDirectory(content);
    Tools.DeleteDirectory(hugoSource);
    RoadmapGenContent.Write(corpus, content);
    HugoSite.Write(corpus, hugoSource);
    var topics = corpus.AllTopics.ToList();
    Say($"{size} topics: {corpus.Roadmaps.Count} roadmap(s), {corpus.Roadmaps.Sum(r => r.Stages.Count)} stages, "
        + $"{topics.Average(t => t.WordCount):F0} words and {topics.Average(t => t.LinkCount):F1} cross-links per topic "
        + $"(words {topics.Min(t => t.WordCount)}–{topics.Max(t => t.WordCount)}); generated in {sw.Elapsed.TotalSeconds:F1} s");

    var generators = new List<Generator>();
    if (roadmapgen)
    {
        var (exe, prefix) = Tools.RoadmapGen(o.RoadmapGenDll);
        generators.Add(new Generator("RoadmapGen", exe, outDir =>
            [.. prefix, "build", "--content", content, "--templates", o.Templates, "--out", outDir, "--base-path", "/"]));
    }
    if (hugo is not null)
    {
        generators.Add(new Generator("Hugo", hugo, outDir => ["--source", hugoSource, "--destination", outDir]));
    }
    var sized = BuildBench.Run(generators, size, o.Runs, sizeDir, o.Timeout);
    measures.AddRange(sized);
    if (sized.Any(m => m.Failures > 0))
    {
        report.Note($"a build of {size} topics failed (see its log in {Path.GetRelativePath(o.Root, Path.Combine(sizeDir, "logs"))}).", fails: true);
    }
    var expectedHugoPages = size + corpus.Roadmaps.Count + 1;
    if (sized.FirstOrDefault(m => m.Generator == "Hugo") is { Ok: true } h && h.HtmlPages != expectedHugoPages)
    {
        report.Note($"Hugo wrote {h.HtmlPages} HTML pages for {size} topics, expected {expectedHugoPages}.", fails: true);
    }
    Say();
}

Say("Build times (medians over successful runs; each run starts from an empty output folder)");
var table = new ReportTable("Topics", "Generator", "HTML pages", "Wall time", "Pages/s", "CPU time", "Peak memory", "Runs ok", "RoadmapGen/Hugo");
foreach (var m in measures)
{
    var hugoOf = measures.FirstOrDefault(x => x.Generator == "Hugo" && x.Topics == m.Topics && x.Ok);
    var ratio = m.Generator == "RoadmapGen" && m.Ok && hugoOf is not null
        ? $"time {m.MedianSeconds / hugoOf.MedianSeconds:F2}x, CPU {(m.MedianCpuSeconds / hugoOf.MedianCpuSeconds)?.ToString("F2") ?? "?"}x, memory {(m.MedianPeakMb / hugoOf.MedianPeakMb)?.ToString("F2") ?? "?"}x"
        : "";
    table.Add(m.Topics.ToString(), m.Generator, m.HtmlPages.ToString(),
        m.Ok ? $"{m.MedianSeconds:F2} s" : "failed",
        m.Ok ? $"{m.PagesPerSecond:F0}" : "—",
        BuildBench.Cpu(m.MedianCpuSeconds),
        m.MedianPeakMb is { } mb ? $"{mb:F0} MB" : "n/a",
        $"{m.Runs - m.Failures}/{m.Runs}", ratio);
}
Say(table.ToString());
Say("  RoadmapGen's build includes its own link check; Hugo's resolves relref links (pages, not #fragments).");
Say();

// ---- The issue's targets, as ratios against Hugo measured in this run --------------------------
if (o.Targets)
{
    TargetsPhase.Run(o, measures, roadmapgen, hugo, report);
}

// ---- Link-checker race ------------------------------------------------------------------------
if (o.Check)
{
    RacePhase.Run(o, measures, new RacePhase.Checkers(roadmapgen ? o.RoadmapGenDll : null, linkchecker, linkinator), report);
}

Say($"Load average after: {LoadAverage()}");
report.SayNotes();
var reportFile = Path.Combine(o.Out, "report.txt");
report.Save(reportFile);
Console.WriteLine($"Report written to {Path.GetRelativePath(o.Root, reportFile)}");
return report.Failed ? 1 : 0;

static string FirstLine(string exe, string arg)
{
    try
    {
        var psi = new ProcessStartInfo(exe, arg) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.Contains("WARNING", StringComparison.Ordinal)) ?? "?";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "?";
    }
}

static string LoadAverage() => Tools.LoadAverage();

static bool Busy()
{
    try
    {
        return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) > Environment.ProcessorCount / 2.0;
    }
    catch (Exception e) when (e is IOException or FormatException)
    {
        return false;
    }
}

static string MemTotal()
{
    try
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kb = long.Parse(line[9..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        return $"{kb / 1024.0 / 1024.0:F0} GiB";
    }
    catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
    {
        return "? GiB";
    }
}
