using RoadmapGen.Core;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Tests.Site;

/// <summary>serve renders the same loaded files again and again: Render must leave them as Load made them.</summary>
public class RenderReadsOnlyTests
{
    [Fact]
    public void Rendering_twice_from_one_load_gives_the_same_site_and_leaves_every_markdown_tree_unchanged()
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteLoader.Load(TestPaths.Content, diagnostics)!;
        var templates = TemplateEngine.Load(TestPaths.Templates, diagnostics)!;
        var before = Snapshot(site);

        var first = new SiteRenderer(site, templates, new Routes("/")).Render(diagnostics);
        var second = new SiteRenderer(site, templates, new Routes("/")).Render(diagnostics);

        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(before, Snapshot(site));
        Assert.Equal(first.Select(f => (f.Path, Convert.ToHexString(f.Content))), second.Select(f => (f.Path, Convert.ToHexString(f.Content))));
    }

    /// <summary>Every link URL and every attribute set on a node of every loaded Markdown body.</summary>
    private static List<string> Snapshot(RoadmapGen.Load.Site site)
    {
        var bodies = site.Roadmaps.SelectMany(r => r.Topics).Select(t => t.Body).Concat(site.Pages.Select(p => p.Body));
        if (site.Home is { } home) bodies = bodies.Append(home.Body);
        var lines = new List<string>();
        foreach (var node in bodies.SelectMany(b => b.Document.Descendants()))
        {
            if (node is LinkInline link) lines.Add("link " + link.Url);
            if (node.TryGetAttributes() is { } attributes)
                lines.Add($"attributes {attributes.Id} {string.Join(",", attributes.Properties?.Select(p => p.Key + "=" + p.Value) ?? [])}");
        }
        return lines;
    }
}
