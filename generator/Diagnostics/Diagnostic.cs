namespace RoadmapGen.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>
/// One problem found by any stage. File is relative to the working directory (or the
/// checked folder) so the printed form is clickable in editors and matches CI annotations.
/// Line and column are 1-based; 0 means "the whole file". The end of the span (see
/// <see cref="FileSpan"/>) reaches the pull-request annotations, not the terminal form.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string File, int Line, int Column, string Message)
{
    /// <summary>The last line of the span; 0 when only the start is known.</summary>
    public int EndLine { get; init; }
    /// <summary>The last column of the span (inclusive); 0 when only the start is known.</summary>
    public int EndColumn { get; init; }

    public FileSpan Span => new(Line, Column, EndLine, EndColumn);

    public static Diagnostic Error(string code, string file, int line, int column, string message) =>
        new(Severity.Error, code, file, line, column, message);

    public static Diagnostic Warning(string code, string file, int line, int column, string message) =>
        new(Severity.Warning, code, file, line, column, message);

    public static Diagnostic Of(Severity severity, string code, string file, FileSpan span, string message) =>
        new(severity, code, file, span.Line, span.Column, message) { EndLine = span.EndLine, EndColumn = span.EndColumn };

    public bool IsError => Severity == Severity.Error;

    /// <summary>The canonical compiler form: <c>file(line,col): error RG0103: message</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)})" : File;
        var severity = Severity == Severity.Error ? "error" : "warning";
        return $"{where}: {severity} {Code}: {Message}";
    }

    /// <summary>The GitHub Actions workflow-command form, which shows as a pull-request annotation.</summary>
    public string ToGitHubAnnotation()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        var props = $"file={Escape(File, true)}";
        if (Line > 0) props += $",line={Line}";
        if (EndLine >= Line && EndLine > 0) props += $",endLine={EndLine}";
        if (Column > 0) props += $",col={Column}";
        if (EndColumn > 0 && Column > 0) props += $",endColumn={EndColumn}";
        props += $",title={Code}";
        return $"::{kind} {props}::{Escape(Message, false)}";
    }

    private static string Escape(string value, bool property)
    {
        var s = value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        return property ? s.Replace(":", "%3A").Replace(",", "%2C") : s;
    }
}
