using System.Text;
using RoadmapGen.Check;

namespace RoadmapGen.Tests.Check;

public class PageLinksTests
{
    [Fact]
    public void A_page_read_from_its_bytes_gives_the_same_links_ids_and_positions_as_from_its_text()
    {
        var page = new StringBuilder("<!doctype html><html><head><title>Ünïcödé 🚀 <a href=\"/not-a-link/\"></title></head><body>\n");
        for (var i = 0; i < 2000; i++)
            page.Append("<h2 id=\"s").Append(i).Append("\">Straße 🚀 ").Append(i).Append("</h2>\n<p>Ω <a href=\"#s").Append(i)
                .Append("\">é</a> <img src=\"/img/").Append(i).Append(".png\" srcset=\"/a.png 1x, /b.png 2x\"></p>\n");
        page.Append("<p id=\"s7\">duplicate</p><script>var x = '<a href=\"/nope/\">';</script></body></html>\n");
        var html = page.ToString();

        var fromText = PageLinks.Parse(html);
        var fromBytes = PageLinks.Parse(Encoding.UTF8.GetBytes(html));

        Assert.Equal(fromText.Links, fromBytes.Links);
        Assert.Equal(fromText.DuplicateIds, fromBytes.DuplicateIds);
        Assert.Equal(fromText.Ids.Order(), fromBytes.Ids.Order());
        Assert.Equal(2000 * 4, fromBytes.Links.Count);
        Assert.Equal(("s7", 4002), (fromBytes.DuplicateIds.Single().Id, fromBytes.DuplicateIds.Single().Line));
        Assert.DoesNotContain(fromBytes.Links, l => l.Url is "/not-a-link/" or "/nope/");
    }
}
