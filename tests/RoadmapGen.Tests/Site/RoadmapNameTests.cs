using System.Text;
using RoadmapGen.Tests.Previews;

namespace RoadmapGen.Tests.Site;

public sealed class RoadmapNameTests
{
    [Fact]
    public void A_roadmap_titled_with_the_word_roadmap_never_reads_roadmap_roadmap()
    {
        using var site = new TinySite();
        site.Replace("roadmaps/tiny/roadmap.yml", "title: Tiny", "title: Docker Roadmap");
        var result = site.Build();

        var pages = result.Files.Where(f => f.IsHtml).Select(f => (f.Path, Text: Encoding.UTF8.GetString(f.Content))).ToList();
        Assert.DoesNotContain(pages, p => p.Text.Contains("Roadmap roadmap", StringComparison.OrdinalIgnoreCase));
        var roadmapPage = Assert.Single(pages, p => p.Path == "tiny/index.html");
        Assert.Contains("<h1>Docker Roadmap</h1>", roadmapPage.Text);
    }

    [Fact]
    public void A_roadmap_titled_without_the_word_gets_it_once()
    {
        using var site = new TinySite();
        var result = site.Build();

        var roadmapPage = Encoding.UTF8.GetString(Assert.Single(result.Files, f => f.Path == "tiny/index.html").Content);
        Assert.Contains("<h1>Tiny roadmap</h1>", roadmapPage);
    }
}
