using RoadmapGen.Memo;
using System.Text;

namespace RoadmapGen.Tests.Fuzz;

/// <summary>
/// A copy of the real content made once; each case writes its mutated files, builds in memory,
/// and puts the originals back, so hundreds of cases cost no more copying than one.
/// </summary>
public sealed class FuzzWorkspace : IDisposable
{
    /// <summary>A hang detector, not a speed target: a normal build of the two-language real site takes a few seconds, far longer on a loaded CI machine.</summary>
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);

    private readonly string _root;
    private readonly Dictionary<string, byte[]> _originals = new(StringComparer.Ordinal);
    private readonly BuildMemo _cache = new(Keep.Templates | Keep.PageParses);

    public string Content { get; }
    /// <summary>Every content file that a contributor edits: the YAML files and the Markdown.</summary>
    public IReadOnlyList<string> Files { get; }

    public FuzzWorkspace()
    {
        _root = TestPaths.NewTempDir();
        Content = Path.Combine(_root, "content");
        RepositoryFiles.CopyContent(Content);
        Files = Directory.GetFiles(Content, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Content, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var file in Files) _originals[file] = File.ReadAllBytes(Path.Combine(Content, file));
    }

    /// <summary>Builds with the mutations applied; throws what the build threw, or <see cref="TimeoutException"/> if it hangs.</summary>
    public BuildResult Build(IReadOnlyList<Mutation> mutations) => With(mutations, _ =>
    {
        var build = Task.Run(() => SiteBuild.Run(new BuildOptions(Content, TestPaths.Templates), _cache));
        try
        {
            if (!build.Wait(CaseTimeout))
                throw new TimeoutException($"the build did not finish within {CaseTimeout.TotalSeconds} s: {Describe(mutations)}");
        }
        catch (AggregateException e)
        {
            throw new InvalidOperationException($"the build threw {e.InnerException!.GetType().Name} for: {Describe(mutations)}", e.InnerException);
        }
        return build.Result;
    });

    /// <summary>Applies the mutations, runs <paramref name="act"/> with the full paths it changed, then restores the files.</summary>
    public T With<T>(IReadOnlyList<Mutation> mutations, Func<IReadOnlyList<string>, T> act)
    {
        var touched = mutations.Select(m => m.File).Distinct().ToList();
        try
        {
            foreach (var file in touched)
            {
                var text = Encoding.UTF8.GetString(_originals[file]);
                foreach (var mutation in mutations.Where(m => m.File == file)) text = mutation.Apply(text);
                File.WriteAllBytes(Path.Combine(Content, file), Encode(text));
            }
            return act(touched.Select(f => Path.GetFullPath(Path.Combine(Content, f))).ToList());
        }
        finally
        {
            foreach (var file in touched) File.WriteAllBytes(Path.Combine(Content, file), _originals[file]);
        }
    }

    public static string Describe(IEnumerable<Mutation> mutations) => string.Join("; then ", mutations);

    /// <summary>A lone surrogate cannot be written as UTF-8; such a file is written as Latin-1, which makes it invalid UTF-8 on purpose.</summary>
    private static byte[] Encode(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return Encoding.Latin1.GetBytes(text);
        }
        return Encoding.UTF8.GetBytes(text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A hung build may still hold a file; the temp folder is left for the OS to clean.
        }
    }
}
