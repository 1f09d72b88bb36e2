using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

public enum RuleSeverity { Off, Warning, Error }

/// <summary>One rule of <see cref="EditorialRules"/>: how strict, and its bounds (inclusive).</summary>
public sealed record EditorialRule(string Name, RuleSeverity Severity, int Min, int Max);

/// <summary>
/// What a site asks of every topic, set in site.yml's <c>rules:</c>, so a site migrating
/// thousands of topics can start lenient and tighten, and this site keeps its own strict rules.
/// A rule a site does not set takes its <see cref="Lenient"/> value: a topic without resources
/// is a warning, the rest are off. CONTRIBUTING, site.schema.json and these defaults are
/// compared by a test.
/// </summary>
public sealed record EditorialRules(EditorialRule ResourcesPerTopic, EditorialRule OfficialResource,
    EditorialRule QuestionsPerTopic, EditorialRule TopicsPerUrl)
{
    public const string Key = "rules";
    public const int Unbounded = int.MaxValue;

    public static EditorialRules Lenient { get; } = new(
        new("resources-per-topic", RuleSeverity.Warning, 1, Unbounded),
        new("official-resource", RuleSeverity.Off, 1, Unbounded),
        new("questions-per-topic", RuleSeverity.Off, 0, Unbounded),
        new("topics-per-url", RuleSeverity.Off, 1, Unbounded));

    public IReadOnlyList<EditorialRule> All => [ResourcesPerTopic, OfficialResource, QuestionsPerTopic, TopicsPerUrl];

    /// <summary>Which of min and max each rule takes in site.yml.</summary>
    public static IReadOnlyList<string> Bounds(string rule) => rule switch
    {
        "resources-per-topic" => ["min"],
        "questions-per-topic" => ["min", "max"],
        "topics-per-url" => ["max"],
        _ => [],
    };

    /// <summary>Reads site.yml's 'rules:'; a value it cannot use is an error at its line and keeps the lenient one.</summary>
    public static EditorialRules Read(YamlMap site, DiagnosticBag diagnostics)
    {
        var rules = site.Map(Key, "the rules");
        if (rules is null) return Lenient;
        EditorialRule ReadRule(EditorialRule lenient)
        {
            var map = rules.Map(lenient.Name, $"the rule '{lenient.Name}'");
            if (map is null) return lenient;
            var bounds = Bounds(lenient.Name);
            var severity = lenient.Severity;
            if (map.String("severity", required: true, hint: "error | warning | off") is { } written)
            {
                RuleSeverity? parsed = written switch { "error" => RuleSeverity.Error, "warning" => RuleSeverity.Warning, "off" => RuleSeverity.Off, _ => null };
                if (parsed is { } known) severity = known;
                else
                {
                    var (line, column) = map.PositionOf("severity");
                    diagnostics.Error(Codes.WrongType, site.File, line, column,
                        $"'severity' of the rule '{lenient.Name}' is '{written}' (write error, warning or off)");
                }
            }
            int Bound(string key, int fallback)
            {
                if (!bounds.Contains(key) || map.String(key, required: false) is not { } text) return fallback;
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value <= 10_000)
                    return value;
                var (line, column) = map.PositionOf(key);
                diagnostics.Error(Codes.WrongType, site.File, line, column,
                    $"'{key}' of the rule '{lenient.Name}' is '{text}' (write a whole number from 0 to 10000)");
                return fallback;
            }
            var min = Bound("min", lenient.Min);
            var max = Bound("max", lenient.Max);
            if (min > max)
            {
                diagnostics.Error(Codes.WrongType, site.File, map.Line, map.Column,
                    $"the rule '{lenient.Name}' asks for at least {min} and at most {max} (make 'min' no larger than 'max')");
                (min, max) = (lenient.Min, lenient.Max);
            }
            map.ReportUnknown(["severity", .. bounds]);
            return lenient with { Severity = severity, Min = min, Max = max };
        }
        var read = new EditorialRules(ReadRule(Lenient.ResourcesPerTopic), ReadRule(Lenient.OfficialResource),
            ReadRule(Lenient.QuestionsPerTopic), ReadRule(Lenient.TopicsPerUrl));
        rules.ReportUnknown(Lenient.All.Select(r => r.Name).ToList());
        return read;
    }
}
