using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.IO.Hashing;
using System.Text;
using Scriban.Runtime;

namespace RoadmapGen.Render.Templates;

/// <summary>
/// A digest of what a page's templates read: the template set, the loop budget, the page's path
/// and its globals, walked as Scriban sees them; once the page has rendered, only the values at
/// the paths that render read (see <see cref="PageReads"/>). Two renders with one fingerprint
/// write the same bytes, so serve re-renders a page only when its fingerprint changes. It hashes
/// what the templates read, not a list of what pages depend on, so a new field in a view model is
/// covered as soon as <see cref="ScriptModel"/> hands it to templates.
/// </summary>
internal sealed class PageFingerprint(string templateSetVersion, int loopLimit)
{
    /// <summary>Frozen objects shared by many pages (a roadmap, the navigation) are hashed once per run.</summary>
    private readonly ConcurrentDictionary<object, byte[]> _shared = new(ReferenceEqualityComparer.Instance);

    /// <param name="globals">The page's globals before any template assigned one.</param>
    /// <param name="reads">What the page's templates read when it was last rendered; null: everything the globals hold.</param>
    /// <returns>The fingerprint, or null when a value is of a kind it cannot vouch for (then the page is always rendered).</returns>
    public string? Of(string pagePath, ScriptObject globals, PageReads? reads = null)
    {
        var hash = new XxHash128();
        Text(hash, templateSetVersion);
        Int(hash, loopLimit);
        Text(hash, pagePath);
        if (!(reads is null ? Value(hash, globals) : ValuesRead(hash, globals, reads))) return null;
        return Convert.ToHexString(hash.GetCurrentHash());
    }

    /// <summary>
    /// The globals one level deep (a template reads a global by name, which no accessor sees),
    /// then the value at each path the last render read, in the order it read them.
    /// </summary>
    private bool ValuesRead(XxHash128 hash, ScriptObject globals, PageReads reads)
    {
        Tag(hash, 'r');
        var names = globals.Keys.ToArray();
        System.Array.Sort(names, string.CompareOrdinal);
        Int(hash, names.Length);
        foreach (var name in names)
        {
            Text(hash, name);
            if (!Shallow(hash, globals[name])) return false;
        }
        foreach (var read in reads.Reads)
        {
            Tag(hash, (char)('0' + (int)read.Kind));
            Text(hash, read.Path.Key);
            if (!read.Path.TryResolve(globals, out var value)) { Tag(hash, 'x'); continue; }
            switch (read.Kind)
            {
                case ReadKind.Value when !Shallow(hash, value):
                case ReadKind.Whole when !Value(hash, value):
                    return false;
                case ReadKind.Same:
                    Tag(hash, read.Other!.TryResolve(globals, out var other) && ReferenceEquals(value, other) ? '=' : '!');
                    break;
            }
        }
        return true;
    }

    /// <summary>A value without what lies below it: an object's members and a list's objects are read (and hashed) on their own paths.</summary>
    private bool Shallow(XxHash128 hash, object? value)
    {
        switch (value)
        {
            case ScriptObject: Tag(hash, 'o'); return true;
            case ScriptArray array:
                Tag(hash, 'a');
                Int(hash, array.Count);
                foreach (var item in array)
                    if (!Shallow(hash, item)) return false;
                return true;
            default: return Value(hash, value);
        }
    }

    /// <summary>The version of a template set: a digest of every template's name and text.</summary>
    public static string VersionOf(IEnumerable<(string Name, string Text)> templates)
    {
        var hash = new XxHash128();
        foreach (var (name, text) in templates.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            Text(hash, name);
            Text(hash, text);
        }
        return Convert.ToHexString(hash.GetCurrentHash());
    }

    private bool Value(XxHash128 hash, object? value)
    {
        switch (value)
        {
            case null: Tag(hash, 'n'); return true;
            case string s: Tag(hash, 's'); Text(hash, s); return true;
            case bool b: Tag(hash, b ? 't' : 'f'); return true;
            case int i: Tag(hash, 'i'); Int(hash, i); return true;
            case long l: Tag(hash, 'l'); Int(hash, (int)l); Int(hash, (int)(l >> 32)); return true;
            case TrustedHtml html: Tag(hash, 'h'); Text(hash, html.Html); return true;
            case ScriptObject obj when obj.IsReadOnly: return Shared(hash, obj, 'o');
            case ScriptObject obj: Tag(hash, 'o'); return Object(hash, obj);
            case ScriptArray array when array.IsReadOnly: return Shared(hash, array, 'a');
            case ScriptArray array: Tag(hash, 'a'); return Array(hash, array);
            default: return false;
        }
    }

    private bool Shared(XxHash128 hash, object frozen, char tag)
    {
        if (!_shared.TryGetValue(frozen, out var digest))
        {
            var inner = new XxHash128();
            var ok = frozen is ScriptObject obj ? Object(inner, obj) : Array(inner, (ScriptArray)frozen);
            if (!ok) return false;
            digest = inner.GetCurrentHash();
            _shared.TryAdd(frozen, digest);
        }
        Tag(hash, tag);
        hash.Append(digest);
        return true;
    }

    private bool Object(XxHash128 hash, ScriptObject obj)
    {
        // Members in name order: two objects with the same members read the same to a template.
        var members = obj.ToArray();
        System.Array.Sort(members, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        Int(hash, members.Length);
        foreach (var (name, member) in members)
        {
            Text(hash, name);
            if (!Value(hash, member)) return false;
        }
        return true;
    }

    private bool Array(XxHash128 hash, ScriptArray array)
    {
        Int(hash, array.Count);
        foreach (var item in array)
            if (!Value(hash, item)) return false;
        return true;
    }

    private static void Tag(XxHash128 hash, char tag) => hash.Append([(byte)tag]);

    private static void Int(XxHash128 hash, int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BitConverter.TryWriteBytes(bytes, value);
        hash.Append(bytes);
    }

    /// <summary>Length first, so "ab" + "c" and "a" + "bc" differ.</summary>
    private static void Text(XxHash128 hash, string text)
    {
        Int(hash, text.Length);
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }
}
