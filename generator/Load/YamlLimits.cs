using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RoadmapGen.Load;

/// <summary>
/// Guards YamlDotNet's node loader, which is recursive: a few thousand unclosed '[' overflow
/// the stack, and an alias inside its own anchor (<c>&amp;a [*a]</c>) makes a cyclic node whose
/// hash never ends, both killing the process rather than failing. Content needs neither deep
/// nesting nor aliases, so both stop here with a YamlException, reported like any YAML mistake.
/// </summary>
public sealed class YamlLimits(IParser inner, int maxDepth = YamlLimits.MaxDepth) : IParser
{
    /// <summary>Content nests three or four levels (stages → topics); 64 leaves room and stays far from the stack's limit.</summary>
    public const int MaxDepth = 64;

    private int _depth;

    public static IParser For(string yaml) => new YamlLimits(new Parser(new StringReader(yaml)));

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        switch (inner.Current)
        {
            case SequenceStart or MappingStart when ++_depth > maxDepth:
                throw new YamlException(inner.Current.Start, inner.Current.End,
                    $"lists and mappings are nested more than {maxDepth} levels deep");
            case SequenceEnd or MappingEnd:
                _depth--;
                break;
            case AnchorAlias alias:
                throw new YamlException(alias.Start, alias.End,
                    $"the alias '*{alias.Value}' repeats a value marked '&{alias.Value}', which content does not support: write the value out in full");
        }
        return true;
    }
}
