using System.Net;
using System.Net.Sockets;
using System.Text;
using RoadmapGen.Cli;
using RoadmapGen.Serve;

namespace RoadmapGen.Tests.Serve;

/// <summary>One serve for every request test: none of them edits the content.</summary>
public sealed class ServeFixture : IAsyncLifetime
{
    public ServeSession Serve { get; private set; } = null!;

    public async Task InitializeAsync() => Serve = await ServeSession.StartAsync();

    public async Task DisposeAsync() => await Serve.DisposeAsync();
}

/// <summary>What serve answers to requests: pages, redirects, 404s, content types, and nothing outside the site.</summary>
public class ServingTests(ServeFixture fixture) : IClassFixture<ServeFixture>
{
    private readonly ServeSession _serve = fixture.Serve;

    [Fact]
    public async Task Listens_on_loopback_unless_told_otherwise()
    {
        Assert.Equal("127.0.0.1", new ServeOptions().Host);
        Assert.Equal("127.0.0.1", ServeCommand.Create().Parse("").GetValue<string>("--host"));
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(_serve.Server.Address.Host)));
        // Bound to 127.0.0.1 itself, not to every address: another address of this machine (on
        // Linux every 127.x.y.z reaches it, so this needs no network interface) is refused.
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Parse("127.0.0.2"), _serve.Server.Address.Port));
    }

    [Fact]
    public async Task Folder_url_without_slash_redirects_to_the_slash_url()
    {
        var response = await _serve.Http.GetAsync("/backend/caching?from=test");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/backend/caching/?from=test", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Missing_page_is_the_sites_404_page_with_status_404()
    {
        var response = await _serve.Http.GetAsync("/backend/no-such-topic/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/search-index.json", "application/json")]
    [InlineData("/sitemap.xml", "text/xml")]
    [InlineData("/robots.txt", "text/plain")]
    [InlineData("/__roadmapgen/reload.js", "text/javascript")]
    public async Task Files_are_sent_with_their_content_type(string path, string type)
    {
        var response = await _serve.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Fingerprinted_assets_are_served_with_their_types()
    {
        var home = await _serve.Http.GetStringAsync("/");
        var css = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/assets/style\\.[0-9a-f]+\\.css)\"").Groups[1].Value;
        var response = await _serve.Http.GetAsync(css);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Served_pages_load_the_reload_script_but_the_built_site_never_contains_it()
    {
        var page = await _serve.Http.GetStringAsync("/backend/caching/");
        Assert.Matches("<script src=\"/__roadmapgen/reload.js\" data-version=\"[0-9a-f]+-\\d+\"></script>\n</body>", page);

        var built = SiteBuild.Run(new BuildOptions(_serve.Content, _serve.Templates));
        Assert.True(built.Succeeded);
        Assert.DoesNotContain(built.Files, f => Encoding.UTF8.GetString(f.Content).Contains("__roadmapgen"));
    }

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/../../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/%2E%2E/%2e%2e/secret.txt")]
    [InlineData("/backend/..%2f..%2f..%2fsecret.txt")]
    [InlineData("/assets/%2e%2e%5c%2e%2e%5csecret.txt")]
    [InlineData("/..\\..\\secret.txt")]
    [InlineData("/content/../../secret.txt")]
    [InlineData("/%252e%252e/secret.txt")]
    [InlineData("/../../../../../../etc/passwd")]
    public async Task Path_traversal_is_refused_and_never_reaches_a_file_outside_the_site(string target)
    {
        File.WriteAllText(Path.Combine(_serve.Root, "secret.txt"), "TOP-SECRET-MARKER");
        File.WriteAllText(Path.Combine(_serve.Content, "secret.txt"), "TOP-SECRET-MARKER");

        var (status, body) = await RawGet(target);

        Assert.True(status is 400 or 404, $"{target} answered {status}");
        Assert.DoesNotContain("TOP-SECRET-MARKER", body);
        Assert.DoesNotContain("root:", body);
    }

    [Fact]
    public async Task Request_naming_another_host_is_refused_on_loopback()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "attacker.example" } };
        var response = await _serve.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>HttpClient normalises "/../" away, so traversal is sent over a raw socket, byte for byte.</summary>
    private async Task<(int Status, string Body)> RawGet(string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _serve.Server.Address.Port);
        await using var stream = client.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1]);
        return (status, response);
    }
}
