using System.Text;
using Scriban.Runtime;

namespace RoadmapGen.Render.Templates;

/// <summary>Where a piece of a page's output came from: template text (raw) or a value a template line wrote.</summary>
/// <param name="At">Where it starts in the output.</param>
/// <param name="SourceOffset">Where it starts in <paramref name="File"/>'s text: raw text runs on from there; a value is all at it.</param>
internal readonly record struct TemplateMark(int At, TemplateFile File, int SourceOffset, bool Raw);

/// <summary>
/// A page's output builder that also marks, for each write that can start an element (it holds
/// a '&lt;'), the template text that wrote it: Check then names the template line behind a
/// template-made problem without searching any text.
/// </summary>
internal sealed class TracedOutput(StringBuilder builder, IReadOnlyDictionary<string, TemplateFile> byText) : IScriptOutput
{
    public StringBuilder Builder => builder;

    public List<TemplateMark> Marks { get; } = [];

    public void Write(string text, int offset, int count)
    {
        if (count > 0 && byText.TryGetValue(text, out var file) && text.AsSpan(offset, count).Contains('<'))
            Marks.Add(new TemplateMark(builder.Length, file, offset, Raw: true));
        builder.Append(text, offset, count);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>A value written at <paramref name="sourceOffset"/> of <paramref name="file"/> (an expression), when it can hold markup.</summary>
    public void MarkValue(TemplateFile file, int sourceOffset) => Marks.Add(new TemplateMark(builder.Length, file, sourceOffset, Raw: false));
}
