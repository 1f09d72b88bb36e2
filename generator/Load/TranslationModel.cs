using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace RoadmapGen.Load;

/// <summary>
/// A translated file's link to its source: the commit of the source it was translated from, and
/// how many commits have changed the source since (0: up to date).
/// </summary>
/// <param name="SourcePath">The source file, as diagnostics name it.</param>
/// <param name="Changes">What changed in the source since <paramref name="SourceCommit"/>, in a few words; null when up to date.</param>
public sealed record Translation(Language Language, string SourcePath, string TranslationPath, string SourceCommit, int Behind, string? Changes)
{
    /// <summary>Where the source is on disk: a translation's links to its source's neighbours resolve from there.</summary>
    public string SourceFullPath { get; init; } = "";
    public bool IsBehind => Behind > 0;

    /// <summary>
    /// The source's heading ids this translation lacks, because its headings differ from the
    /// source's (see TranslationReader): a link to such a section is read in the source language,
    /// where the section exists. Empty for a faithful translation, which keeps every id.
    /// </summary>
    public IReadOnlySet<string> MissingSourceIds { get; init; } = FrozenSet<string>.Empty;
}

public enum TranslationProgress { UpToDate, Behind, Missing }

/// <summary>One translatable source file in one language, for translators' list (<c>roadmapgen translations</c>).</summary>
public sealed record TranslationState(Language Language, string SourcePath, string? TranslationPath, TranslationProgress Progress, int Behind, string? Changes);

/// <summary>A translated roadmap.yml: its words only, keyed as the source names them; what it leaves out stays in the source language.</summary>
public sealed class RoadmapWords
{
    public string? Title { get; init; }
    /// <summary>The roadmap's name in the language ("Hoja de ruta del desarrollador backend"), where "X roadmap" would not read right.</summary>
    public string? Name { get; init; }
    public string? Summary { get; init; }
    /// <summary>By stage id: the stage's title and summary.</summary>
    public IReadOnlyDictionary<string, (string? Title, string? Summary)> Stages { get; init => field = ReadOnly.Map(value); } = ReadOnlyDictionary<string, (string?, string?)>.Empty;
    /// <summary>By the choice's title in the source.</summary>
    public IReadOnlyDictionary<string, ChoiceWords> Choices { get; init => field = ReadOnly.Map(value); } = ReadOnlyDictionary<string, ChoiceWords>.Empty;
    /// <summary>By topic slug: the optional topic's note.</summary>
    public IReadOnlyDictionary<string, string> Optional { get; init => field = ReadOnly.Map(value); } = ReadOnlyDictionary<string, string>.Empty;
}

public sealed record ChoiceWords(string? Title, string? Reason, IReadOnlyDictionary<string, string> When)
{
    public IReadOnlyDictionary<string, string> When { get; init => field = ReadOnly.Map(value); } = ReadOnly.Map(When);
}

/// <summary>A translated site.yml: the site's title and description.</summary>
public sealed record SiteWords(string? Title, string? Description);
