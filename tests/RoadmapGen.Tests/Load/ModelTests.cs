using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Load;

/// <summary>
/// The loaded site is read by pages rendering in parallel and, in serve, its topic files are kept
/// between loads: a page that could change a list it reads would change every page after it.
/// </summary>
public class ModelTests
{
    [Fact]
    public void No_collection_of_the_loaded_site_can_be_cast_back_and_changed()
    {
        var site = SiteLoader.Load(TestPaths.Content, new DiagnosticBag())!;
        var spanish = Assert.Single(site.Translations);
        var roadmap = site.Roadmaps[0];
        var topic = roadmap.Topics.First(t => t.Prerequisites.Count > 0 && t.RequiredBy.Count > 0);
        var choice = roadmap.Stages.SelectMany(s => s.Choices).First(c => c.When.Count > 0);
        var lists = new (string Name, IEnumerable Items)[]
        {
            ("Site.Roadmaps", site.Roadmaps), ("Site.Pages", site.Pages), ("Site.Translations", site.Translations),
            ("Site.TranslationStates", site.TranslationStates), ("SiteConfig.Languages", site.Config.Languages),
            ("Roadmap.Stages", roadmap.Stages), ("Roadmap.Topics", roadmap.Topics), ("Stage.Topics", roadmap.Stages[0].Topics),
            ("Stage.Choices", roadmap.Stages.First(s => s.Choices.Count > 0).Choices), ("Choice.Topics", choice.Topics),
            ("Topic.Prerequisites", topic.Prerequisites), ("Topic.RequiredBy", topic.RequiredBy), ("Topic.Resources", topic.Resources),
            ("Topic.Questions", topic.Questions), ("Topic.PrerequisiteRefs", topic.PrerequisiteRefs),
            ("MarkdownBody.Headings", topic.Body.Headings), ("MarkdownBody.ContentLinks", roadmap.Topics.First(t => t.Body.ContentLinks.Count > 0).Body.ContentLinks),
            ("spanish Roadmap.Topics", spanish.Roadmaps[0].Topics), ("spanish Site.Pages", spanish.Pages),
        };
        foreach (var (name, items) in lists)
        {
            Assert.True(items is not IList list || list.IsReadOnly, $"{name} is a {items.GetType().Name} a reader can change");
            Assert.False(items.GetType().IsArray || items.GetType().IsGenericType && items.GetType().GetGenericTypeDefinition() == typeof(List<>),
                $"{name} is a {items.GetType().Name}");
        }
        foreach (var (name, map) in new (string, object)[] { ("Choice.When", choice.When), ("Site.Changed", site.Changed) })
            Assert.True(map is not IDictionary dictionary || dictionary.IsReadOnly, $"{name} is a {map.GetType().Name} a reader can change");
    }

    [Fact]
    public void Nothing_the_loaded_site_holds_can_be_set_after_it_is_made()
    {
        // Every type of the generator's own reachable from Site, through properties and their type arguments.
        var generator = typeof(RoadmapGen.Load.Site).Assembly;
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([typeof(RoadmapGen.Load.Site)]);
        var settable = new List<string>();
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            {
                if (property.SetMethod is { } set && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                    settable.Add($"{type.Name}.{property.Name}");
                foreach (var reached in new[] { property.PropertyType }.Concat(property.PropertyType.GetGenericArguments()))
                    if (reached.Assembly == generator && !reached.IsEnum) queue.Enqueue(reached);
            }
            settable.AddRange(type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
                .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.IsDefined(typeof(CompilerGeneratedAttribute))).Select(f => $"{type.Name}.{f.Name} (field)"));
        }
        Assert.Contains(typeof(Topic), seen);
        Assert.Contains(typeof(MarkdownBody), seen);
        Assert.Empty(settable);
    }
}
