using Scriban;

namespace RoadmapGen.Render.Templates;

public static class TemplateOutput
{
    /// <summary>
    /// Runs a template into the context's current output, as <c>Template.Render</c> does minus
    /// its ending: that copies the whole output to a string and then resets the builder, which
    /// reallocates it at full size (most of Render's allocations on a 10,000-page site).
    /// </summary>
    public static void WriteTo(this Template template, TemplateContext context)
    {
        if (template.Page is not { } page) return;
        context.UseScientific = false;
        if (template.SourceFilePath is { } path) context.PushSourceFile(path);
        try
        {
            var result = context.Evaluate(page);
            if (result is not null) context.Write(page.Span, result);
        }
        finally
        {
            if (template.SourceFilePath is not null) context.PopSourceFile();
        }
    }
}
