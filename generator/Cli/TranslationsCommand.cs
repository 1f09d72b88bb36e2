using System.CommandLine;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Cli;

/// <summary>
/// <c>translations</c>: every translatable file in every language of the site, and its state
/// (up to date, behind its source by N commits and what changed, or missing), for translators
/// choosing what to do next.
/// </summary>
public static class TranslationsCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var language = new Option<string?>("--language") { Description = "List only this language (its code, e.g. es)" };
        var command = new Command("translations", "List every translation's state: up to date, behind its source (by how many commits, and what changed), or missing")
        {
            content, language,
        };
        command.SetAction(parse => Run(parse.GetValue(content)!, parse.GetValue(language), Console.Out));
        return command;
    }

    public static int Run(string contentRoot, string? language, TextWriter console)
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteLoader.Load(contentRoot, diagnostics);
        // Staleness is the list itself; every other problem is printed, and fails the command.
        var problems = diagnostics.Sorted().Where(d => d.Code != Codes.TranslationBehind).ToList();
        DiagnosticPrinter.Print(problems, console, DiagnosticPrinter.InGitHubActions);
        if (site is null || problems.Any(d => d.IsError)) return 1;
        if (site.Config.Languages.Count < 2)
        {
            console.WriteLine($"{site.Config.SourcePath} names no language to translate into (add 'languages:', the source language first; see CONTRIBUTING)");
            return 0;
        }
        var states = site.TranslationStates.Where(s => language is null || s.Language.Code == language).ToList();
        if (language is not null && states.Count == 0)
        {
            console.WriteLine($"'{language}' is not a translated language of this site (languages: {string.Join(", ", site.Config.Languages.Skip(1).Select(l => l.Code))})");
            return 1;
        }
        foreach (var group in states.GroupBy(s => s.Language))
        {
            var list = group.ToList();
            console.WriteLine($"{group.Key.Name} ({group.Key.Code}): {list.Count(s => s.Progress == TranslationProgress.UpToDate)} up to date, "
                + $"{list.Count(s => s.Progress == TranslationProgress.Behind)} behind, {list.Count(s => s.Progress == TranslationProgress.Missing)} missing");
            foreach (var state in list.OrderBy(s => s.Progress == TranslationProgress.Missing).ThenBy(s => s.SourcePath, StringComparer.Ordinal))
                console.WriteLine("  " + Line(state));
        }
        return 0;
    }

    private static string Line(TranslationState state) => state.Progress switch
    {
        TranslationProgress.UpToDate => $"up to date         {state.TranslationPath}",
        TranslationProgress.Behind => $"behind by {state.Behind,-3} {(state.Behind == 1 ? "commit " : "commits")} {state.TranslationPath}: {state.Changes}",
        _ => $"missing            {state.SourcePath}   (start it: roadmapgen new translation {state.Language.Code} {NewTranslation.Target(state.SourcePath)})",
    };
}
