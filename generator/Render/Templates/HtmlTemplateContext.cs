using System.Text;
using RoadmapGen.Load;
using RoadmapGen.Render.Strings;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace RoadmapGen.Render.Templates;

/// <summary>
/// The one way a page is rendered: every expression's output is HTML-escaped unless it is
/// <see cref="TrustedHtml"/>, and every name a template uses must exist.
/// Scriban writes <c>{{ x }}</c> raw; escaping here, at the single write path for expression
/// values, means a template author cannot forget it. Raw template text goes through a
/// different path and is never touched, and <c>include</c> returns <see cref="TrustedHtml"/>
/// (see <see cref="TemplateBuiltins"/>), so nothing is escaped twice.
/// </summary>
public sealed class HtmlTemplateContext : TemplateContext
{
    private readonly TemplateSet _templates;

    public HtmlTemplateContext(TemplateSet templates, ScriptObject builtins, int loopLimit) : base(builtins)
    {
        _templates = templates;
        TemplateLoader = templates.Folder;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedFunctionAccess = false;
        EnableRelaxedIndexerAccess = false;
        EnableNullIndexer = false;
        // Indenting an included template's lines would also indent the lines of <pre> blocks inside it.
        AutoIndent = false;
        NewLine = "\n";
        // Scriban's default of 1000 iterations is shared by nested loops: a roadmap of a few
        // hundred topics with their resources exceeds it. The caller scales it with the site.
        LoopLimit = loopLimit;
        // Partials nest three deep at most; a partial that includes itself stops here, not in a stack overflow.
        RecursiveLimit = 32;
        // Scriban applies this cap to a page's whole output and cuts it silently with "...": a
        // whole-roadmap page of 1,000 topics is several MB. Output is bounded by content, whose
        // files Load already limits in size, so no cap here.
        LimitToString = 0;
        TryGetVariable = UnknownVariable;
        TryGetMember = UnknownMember;
    }

    /// <summary>The page's language, whose strings <c>t</c> answers with (the renderer sets it per page).</summary>
    public string PageLanguage { get; set; } = InterfaceStrings.SourceLanguage;

    /// <summary>That language's strings file; null when it has none (then every <c>t</c> is an error).</summary>
    public StringTable? Strings { get; set; }

    /// <summary>Where the members the page's templates read are recorded (see <see cref="PageReads"/>); null: not recorded.</summary>
    internal PageReads? Reads { get; init; }

    /// <summary>The page's own output, where the page body is not copied but marked (see <see cref="Splices"/>).</summary>
    internal StringBuilder? SpliceTarget { get; set; }

    /// <summary>
    /// Where the layout wrote the page body into <see cref="SpliceTarget"/>: the page's bytes are
    /// encoded from the layout and the body's own builder in turn, so a whole-roadmap page of
    /// 10,000 topics (120 MB as text) is never held twice.
    /// </summary>
    internal List<(int At, StringBuilder Body)> Splices { get; } = [];

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case TrustedHtml { Builder: { } body } when Output is TracedOutput output && CurrentIndent is null && ReferenceEquals(output.Builder, SpliceTarget):
                Splices.Add((output.Builder.Length, body));
                return this;
            case TrustedHtml html when Output is TracedOutput output && CurrentIndent is null:
                // Markup a template line wrote as a value (a rendered body, a partial rendered to a value).
                if (_templates.File(span.FileName) is { } file) output.MarkValue(file, span.Start.Offset);
                html.AppendTo(output.Builder);
                return this;
            case TrustedHtml html:
                Write(html.Html);
                return this;
            case string text:
                Write(HtmlEscape.Text(text));
                return this;
            default:
                var converted = ObjectToString(textAsObject);
                if (converted is not null) Write(HtmlEscape.Text(converted));
                return this;
        }
    }

    /// <summary>Lets string functions read trusted HTML as its text (the result is a plain string, escaped again when written).</summary>
    public override string? ObjectToString(object? value, bool nested = false) =>
        value is TrustedHtml html ? html.Html : base.ObjectToString(value, nested);

    /// <summary>Every member a template reads from an object passes here, so it can be recorded.</summary>
    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var accessor = base.GetMemberAccessorImpl(target);
        return Reads is { } reads && target is ScriptObject && accessor is not null ? new RecordingAccessor(accessor, reads) : accessor;
    }

    /// <summary>Templates are parsed once per build, up front; an include never reads or parses a file.</summary>
    protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext) =>
        _templates.Find(templatePath) ?? throw new TemplateFaultException(callerContext?.Span ?? CurrentSpan,
            TemplateFaultKind.MissingTemplate, TemplateFolder.MissingMessage(templatePath));

    private static bool UnknownVariable(TemplateContext context, SourceSpan span, ScriptVariable variable, out object? value)
    {
        value = null;
        var name = variable.Name;
        var known = context.CurrentGlobal is ScriptObject global ? global.Keys : [];
        var isCall = variable.Parent is ScriptFunctionCall call && ReferenceEquals(call.Target, variable)
            || variable.Parent is ScriptPipeCall pipe && ReferenceEquals(pipe.To, variable);
        if (isCall)
            throw new TemplateFaultException(span, TemplateFaultKind.UnknownFunction,
                $"unknown function '{name}'" + Hint(name, context.BuiltinObject.Keys,
                    "functions live in Scriban's built-in objects, such as string.upcase, array.size or html.strip"));
        // A member one level down is the usual slip ('summary' for 'content.summary').
        var nested = context.CurrentGlobal is ScriptObject globals
            ? globals.SelectMany(g => g.Value is ScriptObject inner ? inner.Keys.Select(m => (Member: m, Path: g.Key + "." + m)) : []).ToList()
            : [];
        var nestedMatch = DidYouMean.Suggest(name, nested.Select(n => n.Member));
        var suggestion = DidYouMean.Suggest(name, known) ?? nested.FirstOrDefault(n => n.Member == nestedMatch).Path;
        throw new TemplateFaultException(span, TemplateFaultKind.UnknownVariable, $"unknown variable '{name}'" + (suggestion is not null
            ? $" (did you mean '{suggestion}'?)"
            : $" (this page's model has: {string.Join(", ", known.Order(StringComparer.Ordinal))})"));
    }

    private static bool UnknownMember(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        value = null;
        var known = target is ScriptObject obj ? obj.Keys.ToList() : [];
        throw new TemplateFaultException(span, TemplateFaultKind.UnknownMember,
            $"unknown member '{member}'" + Hint(member, known, known.Count == 0
                ? "this value has no members"
                : "members here: " + string.Join(", ", known.Order(StringComparer.Ordinal))));
    }

    private static string Hint(string name, IEnumerable<string> known, string otherwise) =>
        DidYouMean.Suggest(name, known) is { } suggestion ? $" (did you mean '{suggestion}'?)" : $" ({otherwise})";
}
