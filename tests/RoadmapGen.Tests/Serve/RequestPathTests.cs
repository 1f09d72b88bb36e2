using RoadmapGen.Serve;

namespace RoadmapGen.Tests.Serve;

public class RequestPathTests
{
    private static readonly HashSet<string> Files = ["index.html", "404.html", "backend/index.html", "backend/caching/index.html", "assets/style.1a2b.css", "search-index.json", "a b/index.html"];

    [Theory]
    [InlineData("/", "/", "index.html")]
    [InlineData("/backend/caching/", "/", "backend/caching/index.html")]
    [InlineData("/backend/caching/?q=1", "/", "backend/caching/index.html")]
    [InlineData("/assets/style.1a2b.css", "/", "assets/style.1a2b.css")]
    [InlineData("/a%20b/", "/", "a b/index.html")]
    [InlineData("/roadmap/backend/", "/roadmap/", "backend/index.html")]
    [InlineData("/roadmap/", "/roadmap/", "index.html")]
    public void Url_maps_to_the_file_of_the_built_site(string target, string basePath, string file) =>
        Assert.Equal(new ResolvedPath(Resolution.File, file), RequestPath.Resolve(target, basePath, Files.Contains));

    [Theory]
    [InlineData("/backend/caching", "/", "/backend/caching/")]
    [InlineData("/backend?x=1", "/", "/backend/?x=1")]
    [InlineData("/a%20b", "/", "/a%20b/")]
    [InlineData("/roadmap", "/roadmap/", "/roadmap/")]
    [InlineData("/", "/roadmap/", "/roadmap/")]
    public void Folder_without_slash_redirects_to_the_folder(string target, string basePath, string location) =>
        Assert.Equal(new ResolvedPath(Resolution.Redirect, location), RequestPath.Resolve(target, basePath, Files.Contains));

    [Theory]
    [InlineData("/nothing/")]
    [InlineData("/nothing")]
    [InlineData("//backend/")]
    [InlineData("/backend//caching/")]
    [InlineData("/other/backend/")]
    [InlineData("/%252e%252e/index.html")]
    public void Unknown_urls_are_not_found(string target) =>
        Assert.Equal(Resolution.NotFound, RequestPath.Resolve(target, target.StartsWith("/other") ? "/roadmap/" : "/", Files.Contains).Kind);

    [Theory]
    [InlineData("/../index.html")]
    [InlineData("/backend/../index.html")]
    [InlineData("/backend/./caching/")]
    [InlineData("/%2e%2e/index.html")]
    [InlineData("/%2E%2e/%2e%2E/etc/passwd")]
    [InlineData("/backend%2f..%2f..%2findex.html")]
    [InlineData("/..%5cindex.html")]
    [InlineData("/backend\\caching/")]
    [InlineData("/index.html%00.css")]
    [InlineData("backend/index.html")]
    [InlineData("http://example.org/index.html")]
    public void Traversal_and_malformed_targets_are_bad_requests(string target) =>
        Assert.Equal(Resolution.BadRequest, RequestPath.Resolve(target, "/", Files.Contains).Kind);
}
