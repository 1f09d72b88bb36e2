using System.Globalization;
using RoadmapGen.Render.Strings;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace RoadmapGen.Render.Templates;

/// <summary>
/// <c>t</c> and <c>t_date</c>, the templates' words in the page's language (set by the renderer:
/// <see cref="HtmlTemplateContext.PageLanguage"/>).
/// <c>{{ t "nav.topics" }}</c> is a text; <c>{{ t "progress.of_path" 12 }}</c> picks the plural form
/// for 12 by CLDR category and fills <c>{count}</c>; <c>{{ t "topic.eyebrow" { stage: 2, stages: 17 } }}</c>
/// fills named placeholders (and picks the plural form by its <c>count</c>, if it has plural forms).
/// <c>{{ t_date topic.updated.iso }}</c> writes a yyyy-mm-dd date as the language writes it.
/// The result is a plain string, escaped like any other value; with a placeholder value of
/// <c>in_lang</c> (a text in another language, in its own element) it is that markup with
/// everything else escaped.
/// <c>{{ in_lang stage.title stage.title_lang }}</c> is the text in a <c>&lt;span lang&gt;</c> when
/// its language is given (a translation left it in the source language), else the text itself.
/// </summary>
public static class TranslateFunctions
{
    public const string Name = "t";
    public const string DateName = "t_date";
    public const string InLanguageName = "in_lang";

    public static void Register(ScriptObject builtins)
    {
        builtins.SetValue(Name, new Function(Name, 2, Translate), true);
        builtins.SetValue(DateName, new Function(DateName, 1, Date), true);
        builtins.SetValue(InLanguageName, new Function(InLanguageName, 2, InLanguage), true);
    }

    private static object InLanguage(HtmlTemplateContext context, ScriptNode caller, ScriptArray arguments)
    {
        var text = context.ObjectToString(arguments[0]) ?? "";
        var lang = arguments.Count > 1 ? context.ObjectToString(arguments[1]) : null;
        return string.IsNullOrEmpty(lang) ? text : new TrustedHtml($"<span lang=\"{HtmlEscape.Text(lang)}\">{HtmlEscape.Text(text)}</span>");
    }

    private static object Translate(HtmlTemplateContext context, ScriptNode caller, ScriptArray arguments)
    {
        var key = arguments[0] as string ?? throw new ScriptRuntimeException(caller.Span,
            "t needs a key in quotes as its first argument, like {{ t \"nav.topics\" }}");
        var entry = Lookup(context, caller, key);
        var values = arguments.Count > 1 ? arguments[1] : null;
        Func<string, object?> value = values switch
        {
            null => _ => null,
            ScriptObject named => name =>
            {
                var found = named.TryGetValue(name, out var v);
                context.Reads?.Member(named, name, found ? v : null);
                return found ? v : null;
            },
            _ when IsNumber(values) => name => name == "count" ? values : null,
            _ => throw new ScriptRuntimeException(caller.Span,
                $"t's second argument must be a count or an object of placeholder values, like {{ count: 3 }} (got {context.ObjectToString(values)})"),
        };
        string text;
        if (entry.Plural is { } forms)
        {
            var count = value("count");
            if (count is null || !IsNumber(count))
                throw new ScriptRuntimeException(caller.Span, $"the string '{key}' has plural forms: give its count, like {{{{ t \"{key}\" 3 }}}}");
            var category = PluralRules.Category(context.PageLanguage, Convert.ToInt64(count, CultureInfo.InvariantCulture));
            text = forms.GetValueOrDefault(category) ?? throw new ScriptRuntimeException(caller.Span,
                $"the string '{key}' has no '{category}' form in {context.Strings!.Display} (add it)");
        }
        else
        {
            text = entry.Text ?? throw new ScriptRuntimeException(caller.Span, $"the string '{key}' is a list, not a text");
        }
        var markup = values is ScriptObject given && given.Values.Any(v => v is TrustedHtml);
        var filled = markup
            ? StringEntry.Fill(HtmlEscape.Text(text), name => value(name) switch
            {
                TrustedHtml html => html.Html,
                { } v => HtmlEscape.Text(context.ObjectToString(v) ?? ""),
                null => null,
            }, out var missing)
            : StringEntry.Fill(text, name => value(name) is { } v ? context.ObjectToString(v) : null, out missing);
        if (missing is not null)
            throw new ScriptRuntimeException(caller.Span,
                $"the string '{key}' has the placeholder {{{missing}}}, which this call does not give (pass it, like {{{{ t \"{key}\" {{ {missing}: … }} }}}})");
        return markup ? new TrustedHtml(filled) : filled;
    }

    private static string Date(HtmlTemplateContext context, ScriptNode caller, ScriptArray arguments)
    {
        var iso = context.ObjectToString(arguments[0]) ?? "";
        if (!DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new ScriptRuntimeException(caller.Span, $"t_date needs a date written yyyy-mm-dd (got '{iso}')");
        var months = Lookup(context, caller, "date.months").List;
        var format = Lookup(context, caller, "date.long").Text;
        if (months is not { Count: 12 } || format is null)
            throw new ScriptRuntimeException(caller.Span,
                $"dates need 'date.months' (a list of twelve month names) and 'date.long' (a text) in {context.Strings!.Display}");
        return DateText.Format(date, months, format);
    }

    private static StringEntry Lookup(HtmlTemplateContext context, ScriptNode caller, string key)
    {
        var strings = context.Strings ?? throw new TemplateFaultException(caller.Span, TemplateFaultKind.MissingString,
            $"there is no strings file for the page's language '{context.PageLanguage}' (add {InterfaceStrings.Folder}/{context.PageLanguage}.yml to the templates)");
        return strings.Entries.GetValueOrDefault(key) ?? throw new TemplateFaultException(caller.Span, TemplateFaultKind.MissingString,
            $"the string '{key}' is missing from {strings.Display} (add it there: every language's file needs every key the templates use)");
    }

    private static bool IsNumber(object value) => value is int or long or short or byte or sbyte or uint or ulong or ushort;

    /// <summary>The keys templates pass to <c>t</c> as literals, each at its template line: what the strings files are checked against.</summary>
    public static IEnumerable<StringUse> Uses(ScriptNode node, string display)
    {
        if (node is ScriptFunctionCall { Target: ScriptVariable { Name: Name } } call && call.Arguments.Count > 0 && call.Arguments[0] is ScriptLiteral { Value: string key })
            yield return new StringUse(key, display, call.Span.Start.Line + 1, call.Span.Start.Column + 1);
        for (var i = 0; i < node.ChildrenCount; i++)
            if (node.GetChildren(i) is { } child)
                foreach (var use in Uses(child, display)) yield return use;
    }

    private sealed class Function(string name, int count, Func<HtmlTemplateContext, ScriptNode, ScriptArray, object> body) : IScriptCustomFunction
    {
        public int RequiredParameterCount => 1;
        public int ParameterCount => count;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;
        public Type ReturnType => typeof(string);

        public ScriptParameterInfo GetParameterInfo(int index) =>
            index == 0 ? new ScriptParameterInfo(typeof(string), "key") : new ScriptParameterInfo(typeof(object), "values");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var caller = callerContext ?? context.CurrentNode!;
            if (arguments.Count < 1 || arguments.Count > count)
                throw new ScriptRuntimeException(caller.Span, $"{name} takes {(count == 1 ? "one argument"
                    : name == InLanguageName ? "a text and, optionally, its language" : "a key and, optionally, a count or placeholder values")}");
            return body((HtmlTemplateContext)context, caller, arguments);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}
