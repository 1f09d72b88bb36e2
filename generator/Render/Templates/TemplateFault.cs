using Scriban.Parsing;
using Scriban.Syntax;

namespace RoadmapGen.Render.Templates;

/// <summary>The template mistakes the generator names itself, so a diagnostic's code never depends on message text.</summary>
public enum TemplateFaultKind { UnknownVariable, UnknownFunction, UnknownMember, MissingTemplate, OutsideTemplates, MissingString }

/// <summary>Thrown where Scriban would otherwise write an empty string, at the span of the mistake.</summary>
public sealed class TemplateFaultException(SourceSpan span, TemplateFaultKind kind, string message)
    : ScriptRuntimeException(span, message)
{
    public TemplateFaultKind Kind { get; } = kind;
}
