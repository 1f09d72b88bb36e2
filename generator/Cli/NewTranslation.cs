using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Cli;

/// <summary>
/// <c>new translation &lt;language&gt; &lt;roadmap&gt;/&lt;slug&gt;</c> (or <c>pages/&lt;slug&gt;</c>): a copy of the
/// source to translate, in its language's tree, with <c>source-commit</c> set to the source's last
/// commit and the structure (prerequisites; resources, which a translation may leave to its source) left out.
/// </summary>
public static partial class NewTranslation
{
    public static Command Create()
    {
        var language = new Argument<string>("language") { Description = "The language's code in site.yml's languages, e.g. es" };
        var target = new Argument<string>("source") { Description = "What to translate: <roadmap>/<slug> for a topic (backend/http), pages/<slug> for a page" };
        var content = CommonOptions.Content();
        var command = new Command("translation", "Start a translation: copy the source into translations/<language>/ with its source-commit filled in")
        {
            language, target, content,
        };
        command.SetAction(parse => Run(parse.GetValue(content)!, parse.GetValue(language)!, parse.GetValue(target)!, Console.Out));
        return command;
    }

    /// <summary>The argument <c>new translation</c> takes for a source file, as <c>translations</c> suggests it.</summary>
    public static string Target(string sourcePath)
    {
        var parts = sourcePath.Replace('\\', '/').Split('/');
        var slug = Path.GetFileNameWithoutExtension(parts[^1]);
        return parts.Length >= 4 && parts[^2] == "topics" ? $"{parts[^3]}/{slug}" : parts.Length >= 2 && parts[^2] == "pages" ? $"pages/{slug}" : sourcePath;
    }

    [GeneratedRegex(@"^[A-Za-z][\w-]*:")]
    private static partial Regex TopLevelKey();

    public static int Run(string contentRoot, string code, string target, TextWriter console)
    {
        var root = Path.GetFullPath(contentRoot);
        var diagnostics = new DiagnosticBag();
        var siteYml = Path.Combine(root, "site.yml");
        var text = File.Exists(siteYml) ? SourceText.Read(siteYml, DisplayPath.Of(siteYml), diagnostics) : null;
        var map = text is null ? null : YamlMap.Parse(text.Text, DisplayPath.Of(siteYml), 1, diagnostics, "site.yml");
        var languages = map is null ? [] : Languages.Read(map, diagnostics);
        var parts = target.Trim('/').Split('/');
        var source = parts is ["pages", var page] ? Path.Combine(root, "pages", page + ".md")
            : parts is [var roadmap, var slug] ? Path.Combine(root, "roadmaps", roadmap, "topics", slug + ".md") : null;
        var output = source is null ? null : Path.Combine(root, TranslationLoader.Folder, code, Path.GetRelativePath(root, source));
        if (!languages.Skip(1).Any(l => l.Code == code))
            diagnostics.Error(Codes.UnknownLanguageFolder, DisplayPath.Of(siteYml), 0, 0,
                $"'{code}' is not a translated language of this site (add it to 'languages:' after the source language; languages now: {string.Join(", ", languages.Select(l => l.Code))})");
        else if (source is null || !File.Exists(source))
            diagnostics.Error(Codes.TranslationWithoutSource, source is null ? target : DisplayPath.Of(source), 0, 0,
                source is null ? "name the source as <roadmap>/<slug> for a topic, or pages/<slug> for a page" : "there is no such source file to translate");
        else if (File.Exists(output))
            diagnostics.Error(Codes.WriteFailed, DisplayPath.Of(output!), 0, 0, "this translation exists already: edit it (and update its source-commit) instead");
        var commit = diagnostics.HasErrors ? null : LastCommit(root, source!);
        if (!diagnostics.HasErrors && commit is null)
            diagnostics.Error(Codes.SourceCommitUnknown, DisplayPath.Of(source!), 0, 0,
                "git knows no commit of this file: commit the source first, so its translation can name the version it translates");
        if (diagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(diagnostics.Sorted(), console, DiagnosticPrinter.InGitHubActions);
            console.WriteLine("Nothing was created.");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output!, Draft(File.ReadAllText(source!), commit!, isPage: parts[0] == "pages"), new UTF8Encoding(false));
        console.WriteLine($"Created {DisplayPath.Of(output!)} from {DisplayPath.Of(source!)} at commit {commit}");
        console.WriteLine("Next steps:");
        console.WriteLine("  1. Translate the title, the summary, the questions and the body (code, commands, identifiers and URLs stay as they are).");
        console.WriteLine("  2. Resources are the source's unless you add 'resources:' (same format as the source's).");
        console.WriteLine("  3. Build; when the source changes later, the build says what changed and the page tells readers.");
        return 0;
    }

    /// <summary>The source's text with source-commit first and its structure left out (a translated page's summary is its 'description').</summary>
    private static string Draft(string source, string commit, bool isPage)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var result = new StringBuilder();
        var inFront = false;
        var skipping = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i == 0 && line == "---")
            {
                inFront = true;
                result.Append("---\n").Append(TranslationReader.SourceCommitKey).Append(": ").Append(commit).Append('\n');
                continue;
            }
            if (inFront && line == "---") { inFront = false; skipping = false; }
            else if (inFront && TopLevelKey().IsMatch(line)) skipping = line.StartsWith("prerequisites:", StringComparison.Ordinal) || line.StartsWith("resources:", StringComparison.Ordinal);
            if (inFront && skipping) continue;
            if (inFront && line.StartsWith("summary:", StringComparison.Ordinal) && isPage) line = "description:" + line["summary:".Length..];
            result.Append(line);
            if (i < lines.Length - 1) result.Append('\n');
        }
        return result.ToString();
    }

    private static string? LastCommit(string root, string file)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var arg in new[] { "log", "-1", "--format=%H", "--", file }) start.ArgumentList.Add(arg);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        try
        {
            using var git = Process.Start(start);
            if (git is null) return null;
            var hash = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && hash.Length == 40 ? hash : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
