using Scriban.Parsing;

namespace RoadmapGen.Render.Templates;

/// <summary>
/// Scriban reports a block that is never closed at the end of the file, where nothing can be
/// fixed. This finds the statement that opened it, with Scriban's own lexer, so the diagnostic
/// points at the <c>{{ for … }}</c> that needs its <c>{{ end }}</c>.
/// </summary>
public static class UnclosedBlock
{
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
        { "if", "for", "while", "case", "capture", "func", "with", "wrap", "tablerow" };

    public readonly record struct Opener(string Keyword, int Line, int Column);

    /// <summary>The innermost block still open at the end of the text, if any.</summary>
    public static Opener? Find(string text)
    {
        var open = new Stack<Opener>();
        var statementStart = false;
        foreach (var token in new Lexer(text, null, null))
        {
            switch (token.Type)
            {
                case TokenType.CodeEnter or TokenType.SemiColon or TokenType.NewLine:
                    statementStart = true;
                    continue;
                case TokenType.Identifier when statementStart:
                    var word = text.Substring(token.Start.Offset, token.End.Offset - token.Start.Offset + 1);
                    if (Openers.Contains(word)) open.Push(new Opener(word, token.Start.Line + 1, token.Start.Column + 1));
                    else if (word == "end" && open.Count > 0) open.Pop();
                    break;
            }
            statementStart = false;
        }
        return open.Count > 0 ? open.Peek() : null;
    }
}
