using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Schemas;

/// <summary>
/// The JSON Schemas editors validate against must say what the generator accepts: same fields,
/// same resource types, same slug rule. These tests fail when one changes without the other.
/// </summary>
public class SchemaTests
{
    private static string SchemasDir => Path.Combine(TestPaths.Content, "schemas");

    private static JsonElement Schema(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemasDir, name + ".schema.json")));
        return document.RootElement.Clone();
    }

    /// <summary>Field lists the readers keep private: read by name, so a rename fails here loudly.</summary>
    private static string[] Fields(Type reader, string field) =>
        (string[])(reader.GetField(field, BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                   ?? throw new InvalidOperationException($"{reader.Name}.{field} not found: update this test to the reader's field list"));

    private static string[] Properties(JsonElement schema) =>
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    private static string[] Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("roadmap")]
    [InlineData("topic")]
    [InlineData("site")]
    public void Schema_is_valid_json_for_draft_2020_12_and_describes_every_property(string name)
    {
        var schema = Schema(name);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        foreach (var objectSchema in ObjectSchemas(schema))
        foreach (var property in objectSchema.GetProperty("properties").EnumerateObject())
            Assert.False(string.IsNullOrWhiteSpace(property.Value.TryGetProperty("description", out var d) ? d.GetString() : null),
                $"{name}.schema.json: property '{property.Name}' has no description");
    }

    private static IEnumerable<JsonElement> ObjectSchemas(JsonElement schema)
    {
        yield return schema;
        if (!schema.TryGetProperty("$defs", out var defs)) yield break;
        foreach (var def in defs.EnumerateObject())
            if (def.Value.TryGetProperty("properties", out _)) yield return def.Value;
    }

    [Fact]
    public void Topic_schema_has_the_readers_fields_and_resource_types()
    {
        var schema = Schema("topic");
        Assert.Equal(Sorted(TopicReader.TopicFields), Properties(schema));
        var resource = schema.GetProperty("$defs").GetProperty("resource");
        Assert.Equal(Sorted(TopicReader.ResourceFields), Properties(resource));
        Assert.Equal(TopicReader.ResourceTypes, resource.GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public void The_contributing_page_asks_for_the_counts_and_types_this_sites_rules_check()
    {
        // The counts are each site's rules (site.yml), so the topic schema fixes none of them.
        var properties = Schema("topic").GetProperty("properties");
        Assert.False(properties.GetProperty("resources").TryGetProperty("minItems", out _));
        Assert.False(properties.GetProperty("questions").TryGetProperty("minItems", out _));

        var bag = new RoadmapGen.Diagnostics.DiagnosticBag();
        var rules = SiteLoader.Load(TestPaths.Content, bag)!.Config.Rules;
        Assert.All(rules.All, r => Assert.Equal(RuleSeverity.Error, r.Severity));
        var guide = File.ReadAllText(Path.Combine(TestPaths.Content, "pages", "contributing.md"));
        Assert.Contains($"**resources** (at least {rules.ResourcesPerTopic.Min})", guide);
        Assert.Contains($"**questions** ({rules.QuestionsPerTopic.Min} to {rules.QuestionsPerTopic.Max})", guide);
        Assert.Contains($"no address is listed on more than {rules.TopicsPerUrl.Max} topics", guide);
        Assert.Contains("At least one is official documentation or a specification", guide);
        foreach (var type in TopicReader.ResourceTypes) Assert.Contains($"`{type}`", guide);
    }

    [Fact]
    public void Site_schema_names_every_rule_with_its_bounds_and_the_defaults_of_a_site_that_sets_none()
    {
        var rulesSchema = Schema("site").GetProperty("properties").GetProperty("rules");
        Assert.Equal(Sorted(EditorialRules.Lenient.All.Select(r => r.Name).ToArray()), Properties(rulesSchema));
        var rules = rulesSchema.GetProperty("properties");
        foreach (var rule in EditorialRules.Lenient.All)
        {
            var schema = rules.GetProperty(rule.Name);
            Assert.Equal(Sorted(["severity", .. EditorialRules.Bounds(rule.Name)]), Properties(schema));
            var severity = schema.GetProperty("properties").GetProperty("severity");
            Assert.Equal(rule.Severity.ToString().ToLowerInvariant(), severity.GetProperty("default").GetString());
            Assert.Equal(["error", "warning", "off"], severity.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
            foreach (var bound in EditorialRules.Bounds(rule.Name))
            {
                var value = bound == "min" ? rule.Min : rule.Max;
                var written = schema.GetProperty("properties").GetProperty(bound);
                if (value == EditorialRules.Unbounded) Assert.False(written.TryGetProperty("default", out _));
                else Assert.Equal(value, written.GetProperty("default").GetInt32());
            }
        }
    }

    [Fact]
    public void Roadmap_schema_has_the_readers_fields_for_the_roadmap_and_its_stages()
    {
        var schema = Schema("roadmap");
        Assert.Equal(Sorted(Fields(typeof(RoadmapReader), "RoadmapFields")), Properties(schema));
        Assert.Equal(Sorted(Fields(typeof(RoadmapReader), "StageFields")), Properties(schema.GetProperty("$defs").GetProperty("stage")));
    }

    [Fact]
    public void Roadmap_schema_has_the_readers_fields_for_choices_and_optional_topics()
    {
        var defs = Schema("roadmap").GetProperty("$defs");
        Assert.Equal(Sorted(Fields(typeof(StageGroups), "ChoiceFields")), Properties(defs.GetProperty("choice")));
        Assert.Equal(Sorted(Fields(typeof(StageGroups), "OptionalFields")), Properties(defs.GetProperty("optional")));
        // The build's minimum of two alternatives, said to editors too.
        Assert.Equal(2, defs.GetProperty("choice").GetProperty("properties").GetProperty("topics").GetProperty("minItems").GetInt32());
    }

    [Fact]
    public void Site_schema_has_the_fields_of_a_language()
    {
        var languages = Schema("site").GetProperty("properties").GetProperty("languages");
        Assert.Equal(Sorted(Fields(typeof(Languages), "Fields")), Properties(languages.GetProperty("items")));
        Assert.Equal(["ltr", "rtl"], languages.GetProperty("items").GetProperty("properties").GetProperty("dir").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public void Site_schema_has_the_loaders_fields()
    {
        Assert.Equal(Sorted(Fields(typeof(SiteLoader), "SiteFields")), Properties(Schema("site")));
    }

    [Theory]
    [InlineData("http")]
    [InlineData("message-queues")]
    [InlineData("html5")]
    [InlineData("Caching")]
    [InlineData("message_queues")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("double--dash")]
    [InlineData("")]
    public void Slug_patterns_accept_exactly_the_slugs_the_generator_accepts(string slug)
    {
        var roadmapSlug = Schema("roadmap").GetProperty("$defs").GetProperty("slug").GetProperty("pattern").GetString()!;
        var prerequisite = Schema("topic").GetProperty("properties").GetProperty("prerequisites").GetProperty("items").GetProperty("pattern").GetString()!;
        Assert.Equal(Slug.IsValid(slug), Regex.IsMatch(slug, roadmapSlug));
        Assert.Equal(Slug.IsValid(slug), Regex.IsMatch(slug, prerequisite));
    }

    [Theory]
    [InlineData("site.yml", "site")]
    [InlineData("roadmaps/backend/roadmap.yml", "roadmap")]
    public void Yaml_file_names_its_schema_on_the_first_line_with_a_path_that_exists(string file, string schema)
    {
        var path = Path.Combine(TestPaths.Content, file);
        var first = File.ReadLines(path).First();
        var match = Regex.Match(first, @"^# yaml-language-server: \$schema=(\S+)$");
        Assert.True(match.Success, $"{file} must start with '# yaml-language-server: $schema=…', not '{first}'");
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, match.Groups[1].Value));
        Assert.Equal(Path.Combine(SchemasDir, schema + ".schema.json"), target);
    }
}
