using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace RoadmapGen.Render.Templates;

/// <summary>
/// Scriban's built-in functions with the two that produce markup changed to return
/// <see cref="TrustedHtml"/>: <c>include</c> (a partial's output is already escaped where it
/// needed to be) and <c>html.escape</c> (an explicit escape must not be escaped again), and
/// <see cref="TwoLines"/>, a long name with its line break.
/// Made once per build and shared, read-only, by every page's context.
/// </summary>
public static class TemplateBuiltins
{
    public static ScriptObject Create()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.SetValue("include", new TrustedFunction("template_name", 1, Include), true);
        // include_join writes several partials as one string, which would then be escaped: not offered.
        builtins.Remove("include_join");
        TranslateFunctions.Register(builtins);
        builtins.SetValue(TwoLines.Name, new TrustedFunction("text", 2, Lines), true);
        if (builtins["html"] is ScriptObject html)
            html.SetValue("escape", new TrustedFunction("text", 1, Escape), true);
        return builtins;
    }

    /// <summary>
    /// As a statement (<c>{{ include 'partials/header' }}</c>, nearly always) the partial is
    /// evaluated straight into the page; as a value (<c>x = include …</c>) it is rendered to a
    /// string. Either way with its own local scope and the recursion limit.
    /// </summary>
    private static TrustedHtml? Include(TemplateContext context, ScriptNode caller, ScriptArray arguments)
    {
        var name = context.ObjectToString(arguments[0]) ?? "";
        var path = context.GetTemplatePathFromName(name, caller)!;
        var template = context.GetOrCreateTemplate(path, caller);
        if (caller.Parent is not ScriptExpressionStatement) return new TrustedHtml(context.RenderTemplate(template, arguments, caller));
        context.EnterRecursive(caller);
        context.PushLocal();
        try
        {
            template.WriteTo(context);
        }
        finally
        {
            context.PopLocal();
            context.ExitRecursive(caller);
        }
        return null;
    }

    private static TrustedHtml Lines(TemplateContext context, ScriptNode caller, ScriptArray arguments) =>
        arguments[1] is int longerThan
            ? new(TwoLines.Html(context.ObjectToString(arguments[0]) ?? "", longerThan))
            : throw new ScriptRuntimeException(caller.Span, $"{TwoLines.Name} takes a text and a number of characters, like {{{{ {TwoLines.Name} site.title 30 }}}}");

    private static TrustedHtml Escape(TemplateContext context, ScriptNode caller, ScriptArray arguments) =>
        new(HtmlEscape.Text(context.ObjectToString(arguments[0]) ?? ""));

    private sealed class TrustedFunction(string parameter, int count,
        Func<TemplateContext, ScriptNode, ScriptArray, TrustedHtml?> body) : IScriptCustomFunction
    {
        public int RequiredParameterCount => count;
        public int ParameterCount => count;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;
        public Type ReturnType => typeof(TrustedHtml);

        public ScriptParameterInfo GetParameterInfo(int index) =>
            index == 0 ? new ScriptParameterInfo(typeof(string), parameter) : new ScriptParameterInfo(typeof(object), "value");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var caller = callerContext ?? context.CurrentNode!;
            if (arguments.Count < count)
                throw new ScriptRuntimeException(caller.Span, $"expecting {count} argument(s) ({parameter})");
            return body(context, caller, arguments);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}
