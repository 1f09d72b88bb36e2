using System.Collections;
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
}
