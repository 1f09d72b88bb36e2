using System.Net;

namespace RoadmapGen.Tests.Serve;

public class BasePathTests
{
    [Fact]
    public async Task Site_built_for_a_sub_path_is_served_under_it()
    {
        await using var serve = await ServeSession.StartAsync("/roadmap/");

        var page = await serve.Http.GetAsync("/roadmap/backend/caching/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("href=\"/roadmap/backend/\"", await page.Content.ReadAsStringAsync());
        var root = await serve.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Found, root.StatusCode);
        Assert.Equal("/roadmap/", root.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await serve.Http.GetAsync("/backend/caching/")).StatusCode);
        Assert.Equal("http://127.0.0.1:" + serve.Server.Address.Port + "/roadmap/", serve.Server.HomeUrl.ToString());
    }
}
