namespace RoadmapGen.Bench;

/// <summary>
/// The link-checker race: on a copy of Hugo's output at the check size (RoadmapGen's when Hugo's is
/// missing), inject broken links, run every available checker and print how each did.
/// </summary>
public static class RacePhase
{
    public sealed record Checkers(string? RoadmapGenDll, string? Linkchecker, string? Linkinator);

    public static void Run(Options o, IReadOnlyList<BuildMeasure> measures, Checkers available, Report report)
    {
        var size = o.EffectiveCheckSize;
        var source = measures.FirstOrDefault(m => m.Topics == size && m.Generator == "Hugo" && m.Ok)
            ?? measures.FirstOrDefault(m => m.Topics == size && m.Generator == "RoadmapGen" && m.Ok);
        if (source is null)
        {
            report.Say($"Link-checker race: skipped, no successful build of {size} topics to check.");
            return;
        }
        if (source.Generator != "Hugo")
        {
            report.Note("The race ran on RoadmapGen's own output because Hugo's was not available.");
        }

        var raceDir = Path.Combine(o.Out, $"race-n{size}");
        var siteCopy = Path.Combine(raceDir, "site");
        Tools.DeleteDirectory(raceDir);
        Tools.CopyDirectory(source.OutDir, siteCopy);
        List<Injection> injections;
        try
        {
            injections = LinkCheckRace.Inject(siteCopy, o.Broken);
        }
        catch (InvalidOperationException e)
        {
            report.Say($"Link-checker race: skipped, {e.Message} (use a larger size or a smaller --broken).");
            return;
        }

        var race = new LinkCheckRace(siteCopy, injections, Path.Combine(raceDir, "logs"), o.Timeout);
        report.Say($"Link-checker race on a copy of {source.Generator}'s {size}-topic output ({source.HtmlPages} pages) with {race.Describe()}:");
        var scores = new List<CheckerScore>();
        foreach (var checker in o.Checkers)
        {
            var score = checker switch
            {
                "roadmapgen" when available.RoadmapGenDll is { } dll => race.RunRoadmapGen(dll),
                "linkchecker" when available.Linkchecker is { } exe => race.RunLinkchecker(exe),
                "linkinator" when available.Linkinator is { } exe => race.RunLinkinator(exe),
                _ => null,
            };
            if (score is null)
            {
                report.Say($"  {checker}: not available, skipped");
                continue;
            }
            Console.WriteLine($"  {score.Checker}: {score.Run!.Wall.TotalSeconds:F1} s");
            scores.Add(score);
        }

        var pages = injections.Count(j => !j.MissingFragment);
        var fragments = injections.Count(j => j.MissingFragment);
        var table = new ReportTable("Checker", "Wall time", "CPU time", "Peak memory", "Missing pages found", "Missing #fragments found", "False positives", "Exit");
        foreach (var s in scores)
        {
            table.Add(s.Checker, $"{s.Run!.Wall.TotalSeconds:F1} s", BuildBench.Cpu(s.Run.CpuSeconds), BuildBench.Mb(s.Run.PeakRssKb),
                $"{s.PagesFound}/{pages}", $"{s.FragmentsFound}/{fragments}",
                s.FalsePositives.ToString(), s.Run.TimedOut ? "timeout" : s.Run.ExitCode.ToString());
        }
        report.Say(table.ToString());
        foreach (var s in scores)
        {
            if (s.Note is not null)
            {
                report.Say($"  {s.Checker}: {s.Note}");
            }
            foreach (var sample in s.FalsePositiveSamples)
            {
                report.Say($"  {s.Checker} also reported: {sample}");
            }
        }
        if (scores.FirstOrDefault(s => s.Checker == "roadmapgen check") is { } rg
            && (rg.PagesFound + rg.FragmentsFound != injections.Count || rg.FalsePositives > 0))
        {
            report.Note("roadmapgen check missed injected problems or reported others (see above).", fails: true);
        }
        report.Say($"  Logs and the injected list: {Path.GetRelativePath(o.Root, raceDir)}");
        report.Say();
    }
}
