using Scriban.Runtime;

namespace RoadmapGen.Render.Templates;

/// <summary>Where a value sits in a page's globals: a global's name, then members and list positions.</summary>
internal sealed class ReadPath
{
    private ReadPath(ReadPath? parent, string? member, int index, string key)
    {
        Parent = parent;
        Member = member;
        Index = index;
        Key = key;
    }

    public ReadPath? Parent { get; }
    /// <summary>The member read; null for a list position.</summary>
    public string? Member { get; }
    public int Index { get; }
    /// <summary>The path as text ("topic.next.title", "roadmap.stages[3]"), unique per path.</summary>
    public string Key { get; }

    public static ReadPath Global(string name) => new(null, name, -1, name);

    public ReadPath Dot(string member) => new(this, member, -1, Key + "." + member);

    public ReadPath At(int index) => new(this, null, index, Key + "[" + index + "]");

    /// <summary>The value at this path in <paramref name="globals"/>; false when a step is missing.</summary>
    public bool TryResolve(ScriptObject globals, out object? value)
    {
        if (Parent is null) return globals.TryGetValue(Member!, out value);
        value = null;
        if (!Parent.TryResolve(globals, out var parent)) return false;
        switch (parent)
        {
            case ScriptObject obj when Member is not null:
                return obj.TryGetValue(Member, out value);
            case ScriptArray array when Member is null && Index < array.Count:
                value = array[Index];
                return true;
            default:
                return false;
        }
    }
}

/// <summary>What a page's templates read, as one render recorded it (see <see cref="PageReads"/>).</summary>
internal enum ReadKind
{
    /// <summary>The value at the path: in full when it is text or a number, its kind when an object, its length and items' kinds when a list.</summary>
    Value,
    /// <summary>The whole object at the path, every member (its members were listed or counted).</summary>
    Whole,
    /// <summary>The path names the very object another path does (one object reached two ways).</summary>
    Same,
}

internal readonly record struct Read(ReadKind Kind, ReadPath Path, ReadPath? Other = null);

/// <summary>
/// The members a page's templates read while it rendered, each by its path from the page's
/// globals. The next build's page reads the same values at those paths (and the same objects
/// where two paths met) only if its templates would take the same turns and write the same
/// bytes, so <see cref="PageFingerprint"/> hashes just those values: a topic page does not
/// depend on the titles of topics it never shows. Objects the templates made themselves have
/// no path; what they hold came from reads that have one.
/// </summary>
public sealed class PageReads
{
    private readonly Dictionary<object, ReadPath> _paths = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(ReadKind, string, string?)> _seen = [];
    private readonly List<Read> _reads = [];

    /// <param name="globals">The page's globals as the render starts, before a template assigns any.</param>
    internal PageReads(ScriptObject globals)
    {
        foreach (var (name, value) in globals) Reached(value, ReadPath.Global(name));
    }

    internal IReadOnlyList<Read> Reads => _reads;

    /// <summary>A template read <paramref name="member"/> of <paramref name="target"/> (or asked whether it has it) and got <paramref name="value"/>.</summary>
    internal void Member(object target, string member, object? value)
    {
        if (!_paths.TryGetValue(target, out var path)) return;
        var at = path.Dot(member);
        Add(new Read(ReadKind.Value, at));
        Reached(value, at);
    }

    /// <summary>A template listed or counted the members of <paramref name="target"/>.</summary>
    internal void Members(object target)
    {
        if (_paths.TryGetValue(target, out var path)) Add(new Read(ReadKind.Whole, path));
    }

    private void Reached(object? value, ReadPath at)
    {
        if (value is not (ScriptObject or ScriptArray)) return;
        if (_paths.TryGetValue(value, out var known))
        {
            if (known.Key != at.Key) Add(new Read(ReadKind.Same, at, known));
            return;
        }
        _paths[value] = at;
        // A list's items are reached by a loop, which no accessor sees: each gets its place now.
        if (value is ScriptArray array)
            for (var i = 0; i < array.Count; i++) Reached(array[i], at.At(i));
    }

    private void Add(Read read)
    {
        if (_seen.Add((read.Kind, read.Path.Key, read.Other?.Key))) _reads.Add(read);
    }
}

/// <summary>Member access that tells <see cref="PageReads"/> what a template read, then reads as Scriban would.</summary>
internal sealed class RecordingAccessor(IObjectAccessor inner, PageReads reads) : IObjectAccessor
{
    public int GetMemberCount(Scriban.TemplateContext context, Scriban.Parsing.SourceSpan span, object target)
    {
        reads.Members(target);
        return inner.GetMemberCount(context, span, target);
    }

    public IEnumerable<string> GetMembers(Scriban.TemplateContext context, Scriban.Parsing.SourceSpan span, object target)
    {
        reads.Members(target);
        return inner.GetMembers(context, span, target);
    }

    public bool HasMember(Scriban.TemplateContext context, Scriban.Parsing.SourceSpan span, object target, string member)
    {
        var has = inner.HasMember(context, span, target, member);
        object? value = null;
        if (has) inner.TryGetValue(context, span, target, member, out value);
        reads.Member(target, member, value);
        return has;
    }

    public bool TryGetValue(Scriban.TemplateContext context, Scriban.Parsing.SourceSpan span, object target, string member, out object? value)
    {
        var found = inner.TryGetValue(context, span, target, member, out value);
        reads.Member(target, member, found ? value : null);
        return found;
    }

    public bool TrySetValue(Scriban.TemplateContext context, Scriban.Parsing.SourceSpan span, object target, string member, object? value) =>
        inner.TrySetValue(context, span, target, member, value);

    public bool HasIndexer => inner.HasIndexer;

    public Type? IndexType => inner.IndexType;

    public bool TryGetItem(Scriban.TemplateContext context, Scriban.Parsing.SourceSpan span, object target, object index, out object? value)
    {
        var found = inner.TryGetItem(context, span, target, index, out value);
        if (index is string member) reads.Member(target, member, found ? value : null);
        else reads.Members(target);
        return found;
    }

    public bool TrySetItem(Scriban.TemplateContext context, Scriban.Parsing.SourceSpan span, object target, object index, object? value) =>
        inner.TrySetItem(context, span, target, index, value);
}
