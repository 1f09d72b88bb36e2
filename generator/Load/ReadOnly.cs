using System.Collections.Immutable;
using System.Collections.ObjectModel;

namespace RoadmapGen.Load;

/// <summary>
/// What the model's collections hold: a view no reader can cast back to a list or dictionary and
/// change. Serve's memo keeps a file's <see cref="TopicSource"/> between loads, and pages render in
/// parallel from one model, so a reader that could change a list would change every later page.
/// A list is wrapped, not copied: <see cref="RoadmapDrafts.Freeze"/> fills the lists of objects
/// that refer to each other after making them, and nothing else holds them once Load returns.
/// </summary>
internal static class ReadOnly
{
    public static IReadOnlyList<T> List<T>(IReadOnlyList<T> items) => items switch
    {
        List<T> list => list.AsReadOnly(),
        // An array says it is read-only (it cannot grow), but its items can be set.
        T[] array => array.Length == 0 ? [] : Array.AsReadOnly(array),
        IList<T> { IsReadOnly: false } => items.ToImmutableArray(),
        _ => items,
    };

    public static IReadOnlyDictionary<TKey, TValue> Map<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> items) where TKey : notnull => items switch
    {
        IDictionary<TKey, TValue> { IsReadOnly: false } dictionary => new ReadOnlyDictionary<TKey, TValue>(dictionary),
        _ => items,
    };
}
