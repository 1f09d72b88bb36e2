namespace RoadmapGen.Bench;

/// <summary>
/// The goals of the speed issue, each measured beside Hugo in this run and printed as a ratio with
/// the load average at the time, and whether it is met: the real site cold (≤ 1.0× Hugo's 100
/// topics) and warm (≤ 0.8×), 1,000 topics (≤ 0.7×), ten roadmaps of 1,000 topics and serve no
/// worse than before (<see cref="Before"/>), peak memory no higher; and one roadmap of 10,000
/// topics (completes, time per topic grows linearly).
/// </summary>
public static class TargetsPhase
{
    private const int HugoSmallSite = 100;

    /// <summary>
    /// The figures the speed issue set out from (2026-12-07, this machine), for its goals of "no
    /// worse than before": ratios to Hugo measured in the same run, and RoadmapGen's peak memory.
    /// </summary>
    private static class Before
    {
        public const double TenThousandRatio = 0.87;
        public const double ServeRatio = 79.0 / 299.0;
        public const double RealSitePeakMb = 285;
        public const double ThousandPeakMb = 303;
        public const double TenThousandPeakMb = 1049;
    }

    public static void Run(Options o, IReadOnlyList<BuildMeasure> measures, bool roadmapgen, string? hugo, Report report)
    {
        if (!roadmapgen)
        {
            report.Say("Targets: skipped, RoadmapGen was not measured.");
            return;
        }
        var dir = Path.Combine(o.Out, "targets");
        Tools.DeleteDirectory(dir);
        Directory.CreateDirectory(dir);
        var (exe, prefix) = Tools.RoadmapGen(o.RoadmapGenDll);
        var rows = new ReportTable("Target", "RoadmapGen", "Hugo", "Ratio", "Goal", "Met", "Load (1 min)");

        // 1. The real site, cold process, build + check + write, against Hugo's 100-topic site.
        string? hugoSmall = null;
        if (hugo is not null)
        {
            hugoSmall = Path.Combine(dir, "hugo-100");
            HugoSite.Write(SyntheticContent.Generate(HugoSmallSite, o.Seed, o.TopicsPerRoadmap), hugoSmall);
        }
        var generators = new List<Generator>
        {
            new("RoadmapGen", exe, outDir => [.. prefix, "build", "--content", Path.Combine(o.Root, "content"), "--templates", o.Templates, "--out", outDir]),
        };
        if (hugoSmall is not null) generators.Add(new Generator("Hugo", hugo!, outDir => ["--source", hugoSmall, "--destination", outDir]));
        var realRuns = Math.Max(5, o.Runs);
        var real = BuildBench.Run(generators, 0, realRuns, Path.Combine(dir, "real"), o.Timeout);
        var load = Load();
        var ours = real.Single(m => m.Generator == "RoadmapGen");
        var theirs = real.FirstOrDefault(m => m.Generator == "Hugo");
        rows.Add($"real site ({ours.HtmlPages} pages) vs Hugo {HugoSmallSite} topics, median of {realRuns}",
            Seconds(ours), Seconds(theirs), Ratio(ours, theirs, out var r1), "≤ 1.0×", Met(r1 <= 1.0), load);
        rows.Add("  real site: peak memory", Mb(ours), Mb(theirs), "", $"≤ {Before.RealSitePeakMb:F0} MB (before)", Met(ours.MedianPeakMb <= Before.RealSitePeakMb), load);

        // 1b. The same with highlighted code kept from a previous build (a contributor's second
        // build, or CI restoring the store): one build warms it, then the runs are timed.
        var store = Path.Combine(dir, "highlight-store");
        Environment.SetEnvironmentVariable("ROADMAPGEN_CACHE", store);
        try
        {
            BuildBench.Run(generators.Take(1).ToList(), 0, 1, Path.Combine(dir, "real-warm-up"), o.Timeout);
            var warm = BuildBench.Run(generators.Take(1).ToList(), 0, realRuns, Path.Combine(dir, "real-warm"), o.Timeout).Single();
            rows.Add($"real site, highlighted code kept from the previous build, median of {realRuns}",
                Seconds(warm), Seconds(theirs), Ratio(warm, theirs, out var r1b), "≤ 0.8×", Met(r1b <= 0.8), Load());
        }
        finally
        {
            Environment.SetEnvironmentVariable("ROADMAPGEN_CACHE", "off");
        }

        // 2. 1,000 topics in one roadmap, build + full link check, against Hugo's build alone.
        var thousand = measures.FirstOrDefault(m => m.Generator == "RoadmapGen" && m.Topics == 1000 && m.Ok);
        var thousandHugo = measures.FirstOrDefault(m => m.Generator == "Hugo" && m.Topics == 1000 && m.Ok);
        if (thousand is not null)
        {
            rows.Add("1,000 topics: time", Seconds(thousand), Seconds(thousandHugo), Ratio(thousand, thousandHugo, out var r2a), "≤ 0.7×", Met(r2a <= 0.7), load);
            rows.Add("1,000 topics: peak memory", Mb(thousand), Mb(thousandHugo), "", $"≤ {Before.ThousandPeakMb:F0} MB (before)",
                Met(thousand.MedianPeakMb <= Before.ThousandPeakMb), load);
        }
        else
        {
            rows.Add("1,000 topics", "not run", "", "", "≤ 0.7×", "(needs --sizes 1000,…)", load);
        }

        // 3. 10,000 topics in ten roadmaps, build + full link check, against Hugo's build alone.
        var tenK = measures.FirstOrDefault(m => m.Generator == "RoadmapGen" && m.Topics == 10000 && m.Ok);
        var tenKHugo = measures.FirstOrDefault(m => m.Generator == "Hugo" && m.Topics == 10000 && m.Ok);
        if (tenK is not null && o.TopicsPerRoadmap == 1000)
        {
            rows.Add("10,000 topics, ten roadmaps: time", Seconds(tenK), Seconds(tenKHugo), Ratio(tenK, tenKHugo, out var r2),
                $"≤ {Before.TenThousandRatio:F2}× (before)", Met(r2 <= Before.TenThousandRatio), load);
            rows.Add("10,000 topics, ten roadmaps: peak memory", Mb(tenK), Mb(tenKHugo),
                tenK.MedianPeakMb / tenKHugo?.MedianPeakMb is { } m2 ? $"{m2:F2}×" : "?", $"≤ {Before.TenThousandPeakMb:F0} MB (before), < Hugo",
                Met(tenK.MedianPeakMb <= Before.TenThousandPeakMb && tenK.MedianPeakMb < tenKHugo?.MedianPeakMb), load);
        }
        else
        {
            rows.Add("10,000 topics, ten roadmaps", "not run", "", "", $"≤ {Before.TenThousandRatio:F2}× (before)", "(needs --sizes …,10000)", load);
        }

        // 4. 10,000 topics in one roadmap: completes, peak memory, and linear growth from 1,000.
        var oneK = measures.FirstOrDefault(m => m.Generator == "RoadmapGen" && m.Topics == 1000 && m.Ok);
        if (o.Sizes.Contains(10000))
        {
            var content = Path.Combine(dir, "one-roadmap", "content");
            RoadmapGenContent.Write(SyntheticContent.Generate(10000, o.Seed, 10000), content);
            var one = BuildBench.Run([new Generator("RoadmapGen", exe, outDir =>
                [.. prefix, "build", "--content", content, "--templates", o.Templates, "--out", outDir, "--base-path", "/"])],
                10000, o.Runs, Path.Combine(dir, "one-roadmap"), o.Timeout).Single();
            load = Load();
            rows.Add("10,000 topics, one roadmap: completes, peak memory", Seconds(one) + ", " + Mb(one), "", "",
                "≤ 1,536 MB", Met(one.Ok && one.MedianPeakMb <= 1536), load);
            double? growth = oneK is not null && one.Ok ? (one.MedianSeconds / 10000) / (oneK.MedianSeconds / 1000) : null;
            rows.Add("  time per topic, 10,000 (one roadmap) ÷ 1,000", growth is { } g ? $"{g:F2}×" : "needs --sizes 1000,10000", "", "", "≈ 1 (linear)",
                Met(growth <= 1.2), load);
        }
        else
        {
            rows.Add("10,000 topics, one roadmap", "not run", "", "", "≤ 1,536 MB", "(needs --sizes …,10000)", load);
        }

        // 5. serve: a saved topic edit, until the browser has the reload event and the new page.
        var serve = ServeLatency.RoadmapGen(exe, prefix, o, Path.Combine(dir, "serve-real"), o.ServeEdits);
        var hugoServe = hugoSmall is null ? null : ServeLatency.Hugo(hugo!, hugoSmall, Path.Combine(dir, "serve-hugo"), o.ServeEdits);
        load = Load();
        double? r4 = serve.Median / hugoServe?.Median;
        rows.Add($"serve: edit → reload + new page, median of {o.ServeEdits} (real site; Hugo {HugoSmallSite} topics)",
            serve.Describe(), hugoServe?.Describe() ?? "not run", r4 is { } x ? $"{x:F2}×" : "",
            $"≤ 100 ms, ≤ {Before.ServeRatio:F2}× Hugo (before)", Met(serve.Median <= 100 && (r4 is null || r4 <= Before.ServeRatio)), load);

        report.Say("Targets of the speed issue (RoadmapGen: build + full link check + write; Hugo: build)");
        report.Say(rows.ToString());
        report.Say();
    }

    private static string Load()
    {
        var text = Tools.LoadAverage();
        return text.Split(' ')[0];
    }

    private static string Seconds(BuildMeasure? m) => m is null ? "not run" : m.Ok ? $"{m.MedianSeconds:F2} s" : "failed";

    private static string Mb(BuildMeasure? m) => m?.MedianPeakMb is { } mb ? $"{mb:F0} MB" : "n/a";

    private static string Ratio(BuildMeasure ours, BuildMeasure? theirs, out double? ratio)
    {
        ratio = ours.Ok && theirs is { Ok: true } ? ours.MedianSeconds / theirs.MedianSeconds : null;
        // On a busy machine wall time says little; CPU time, beside it, holds up better.
        var cpu = ours.Ok && theirs is { Ok: true } ? ours.MedianCpuSeconds / theirs.MedianCpuSeconds : null;
        return ratio is { } r ? cpu is { } c ? $"{r:F2}× (CPU {c:F2}×)" : $"{r:F2}×" : "";
    }

    private static string Met(bool? met) => met switch { true => "yes", false => "NO", null => "?" };
}
