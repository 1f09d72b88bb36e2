using System.Globalization;

namespace RoadmapGen.Bench;

/// <summary>Command-line options of the benchmark (see <see cref="Usage"/>).</summary>
public sealed class Options
{
    public const string Usage = """
        Usage: tests/bench/run.sh [options]          (or: dotnet Bench.dll [options])

          --sizes 1000,10000      topic counts to generate and build (default 1000,10000)
          --runs 3                builds per generator and size; medians are reported (default 3)
          --seed 42               seed of the synthetic content (default 42)
          --topics-per-roadmap N  split topics into roadmaps of at most N topics (default 1000)
          --content-only          write each size's content to <out>/n<size>/content and stop (to build or measure by hand)
          --check-size N          size whose Hugo output is link-checked (default: the largest size)
          --checkers LIST         link checkers to race: roadmapgen,linkchecker,linkinator (default all)
          --broken N              broken page links and broken #fragments to inject, N of each (default 10)
          --no-roadmapgen         skip RoadmapGen (e.g. while it does not build)
          --no-hugo               skip Hugo even when it is on PATH
          --no-check              skip the link-checker race
          --no-targets            skip the issue's targets (real site, one big roadmap, serve latency)
          --serve-edits N         saved edits timed per server in the serve-latency target (default 20)
          --timeout SECONDS       limit for any one child process (default 3600)
          --root DIR              repository root (default: found above the current folder)
          --out DIR               output folder (default: <root>/tests/bench/out)
          --roadmapgen PATH       RoadmapGen to run: the native binary, or a roadmapgen.dll run with dotnet
                                  (default: <out>/roadmapgen/roadmapgen, which run.sh publishes)
          --templates DIR         RoadmapGen templates (default: <root>/templates)
          --help                  this text
        """;

    public List<int> Sizes { get; private set; } = [1000, 10000];
    public int Runs { get; private set; } = 3;
    public int Seed { get; private set; } = 42;
    public int TopicsPerRoadmap { get; private set; } = 1000;
    public int? CheckSize { get; private set; }
    public List<string> Checkers { get; private set; } = ["roadmapgen", "linkchecker", "linkinator"];
    public int Broken { get; private set; } = 10;
    public bool RoadmapGen { get; private set; } = true;
    public bool Hugo { get; private set; } = true;
    public bool Check { get; private set; } = true;
    public bool Targets { get; private set; } = true;
    public int ServeEdits { get; private set; } = 20;
    public TimeSpan Timeout { get; private set; } = TimeSpan.FromHours(1);
    public string Root { get; private set; } = "";
    public string Out { get; private set; } = "";
    public string RoadmapGenDll { get; private set; } = "";
    public string Templates { get; private set; } = "";
    public bool Help { get; private set; }
    public bool ContentOnly { get; private set; }

    public int EffectiveCheckSize => CheckSize ?? Sizes.Max();

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static Options Parse(string[] args)
    {
        var o = new Options();
        string? root = null, outDir = null, dll = null, templates = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int Int() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v : throw new ArgumentException($"{name} needs a positive whole number");
            switch (name)
            {
                case "--sizes":
                    o.Sizes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 2
                            ? n : throw new ArgumentException($"--sizes: '{s}' is not a topic count of at least 2")).ToList();
                    if (o.Sizes.Count == 0)
                    {
                        throw new ArgumentException("--sizes needs at least one size");
                    }
                    break;
                case "--runs": o.Runs = Int(); break;
                case "--seed": o.Seed = Int(); break;
                case "--topics-per-roadmap": o.TopicsPerRoadmap = Int(); break;
                case "--check-size": o.CheckSize = Int(); break;
                case "--broken": o.Broken = Int(); break;
                case "--timeout": o.Timeout = TimeSpan.FromSeconds(Int()); break;
                case "--checkers":
                    o.Checkers = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                    foreach (var c in o.Checkers.Where(c => c is not ("roadmapgen" or "linkchecker" or "linkinator")))
                    {
                        throw new ArgumentException($"--checkers: unknown checker '{c}'");
                    }
                    break;
                case "--no-roadmapgen": o.RoadmapGen = false; break;
                case "--no-hugo": o.Hugo = false; break;
                case "--content-only": o.ContentOnly = true; break;
                case "--no-check": o.Check = false; break;
                case "--no-targets": o.Targets = false; break;
                case "--serve-edits": o.ServeEdits = Int(); break;
                case "--root": root = Value(); break;
                case "--out": outDir = Value(); break;
                case "--roadmapgen": dll = Value(); break;
                case "--templates": templates = Value(); break;
                case "--help" or "-h": o.Help = true; break;
                default: throw new ArgumentException($"unknown option '{name}' (see --help)");
            }
        }

        o.Root = Path.GetFullPath(root ?? Tools.FindRepoRoot(Environment.CurrentDirectory)
            ?? Tools.FindRepoRoot(AppContext.BaseDirectory)
            ?? throw new ArgumentException("cannot find the repository root; pass --root"));
        o.Out = Path.GetFullPath(outDir ?? Path.Combine(o.Root, "tests", "bench", "out"));
        o.RoadmapGenDll = Path.GetFullPath(dll ?? Path.Combine(o.Out, "roadmapgen", "roadmapgen"));
        o.Templates = Path.GetFullPath(templates ?? Path.Combine(o.Root, "templates"));
        if (o.CheckSize is { } size && !o.Sizes.Contains(size))
        {
            throw new ArgumentException($"--check-size {size} is not one of --sizes");
        }
        return o;
    }
}
