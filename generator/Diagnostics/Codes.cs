namespace RoadmapGen.Diagnostics;

/// <summary>
/// Every diagnostic code in one place, so they stay unique and the docs can list them.
/// RG01xx content (Load), RG02xx templates (Render), RG03xx links (Check), RG04xx output (Write).
/// </summary>
public static class Codes
{
    public const string YamlSyntax = "RG0101";
    public const string MissingField = "RG0102";
    public const string UnknownPrerequisite = "RG0103";
    public const string UnknownField = "RG0104";
    public const string WrongType = "RG0105";
    public const string InvalidSlug = "RG0106";
    public const string DuplicateSlug = "RG0107";
    public const string ListedTopicMissing = "RG0108";
    public const string TopicNotListed = "RG0109";
    public const string PrerequisiteCycle = "RG0110";
    public const string InvalidUrl = "RG0111";
    public const string UnknownResourceType = "RG0112";
    public const string FrontMatterNotClosed = "RG0113";
    public const string EmptyFile = "RG0114";
    public const string NotUtf8 = "RG0115";
    public const string FileTooLarge = "RG0116";
    public const string TopicListedTwice = "RG0117";
    public const string ContentFolderMissing = "RG0118";
    public const string LinkToMissingFile = "RG0119";
    public const string UnsafeUrl = "RG0120";
    public const string UnsafeHtml = "RG0121";
    public const string MissingFrontMatter = "RG0122";
    public const string NoRoadmaps = "RG0123";
    public const string MarkdownTooDeep = "RG0124";
    public const string ExternalImage = "RG0125";
    public const string SanitizerRemoved = "RG0126";
    public const string ContentUnreadable = "RG0127";
    public const string EmptyStage = "RG0128";
    public const string LinkLeavesFolder = "RG0129";
    public const string ChoiceTooSmall = "RG0130";
    public const string RecommendedNotInChoice = "RG0131";
    public const string TopicInTwoGroups = "RG0132";
    public const string GroupedTopicNotInStage = "RG0133";
    public const string ChoiceNotTogether = "RG0134";
    public const string PrerequisiteIsAlternative = "RG0135";
    public const string RequiredNeedsOptional = "RG0136";
    public const string EmptyQuestion = "RG0137";
    public const string MissingImage = "RG0138";
    public const string UnusableImage = "RG0139";
    public const string UnsafeSvg = "RG0140";
    public const string ImageWithoutAlt = "RG0141";
    public const string StageIdTaken = "RG0142";
    public const string SlugIsPageId = "RG0143";
    public const string TooFewResources = "RG0144";
    public const string NoOfficialResource = "RG0145";
    public const string QuestionCount = "RG0146";
    public const string UrlOnTooManyTopics = "RG0147";
    public const string PlaceholderLeft = "RG0148";
    public const string ChoiceWhenNotAlternative = "RG0149";
    public const string ChoiceWhenIncomplete = "RG0150";
    // Translations (site.yml's languages:, content/translations/<code>/).
    public const string InvalidLanguage = "RG0160";
    public const string UnknownLanguageFolder = "RG0161";
    public const string TranslationWithoutSource = "RG0162";
    public const string TranslationHasStructure = "RG0163";
    public const string SourceCommitMissing = "RG0164";
    public const string SourceCommitUnknown = "RG0165";
    public const string TranslationBehind = "RG0166";

    public const string TemplateSyntax = "RG0201";
    public const string TemplateMissing = "RG0202";
    public const string UnknownVariable = "RG0203";
    public const string TemplateRuntime = "RG0204";
    public const string TemplatesFolderMissing = "RG0205";
    public const string UnknownFunction = "RG0206";
    public const string UnknownMember = "RG0207";
    public const string IncludeOutsideTemplates = "RG0208";
    /// <summary>A template asks for an interface string its page's language (or any language's file) lacks.</summary>
    public const string MissingString = "RG0209";
    /// <summary>A strings file's entry differs from the source language's (placeholders, kind) or lacks its language's plural forms.</summary>
    public const string StringMismatch = "RG0210";

    public const string BrokenLink = "RG0301";
    public const string BrokenFragment = "RG0302";
    public const string DuplicateId = "RG0303";
    public const string DeadExternalLink = "RG0304";
    public const string ImageWithoutSource = "RG0305";
    /// <summary><c>check</c> was given a folder that does not exist (<see cref="ContentFolderMissing"/> is build's content folder).</summary>
    public const string CheckedFolderMissing = "RG0306";

    public const string UnsafeOutput = "RG0401";
    public const string WriteFailed = "RG0402";
    public const string RouteCollision = "RG0403";
    public const string HighlightingUnavailable = "RG0404";

    /// <summary>A bug in the generator, never a content mistake.</summary>
    public const string InternalError = "RG0901";
}
