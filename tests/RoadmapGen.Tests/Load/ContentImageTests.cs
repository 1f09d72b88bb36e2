using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Load;

/// <summary>
/// A contributor saves a diagram beside the topic and writes <c>![What it shows](flow.svg)</c>:
/// the page shows it, offline reading saves it, and nothing in it can run.
/// </summary>
public sealed class ContentImageTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir();
    private string Content => Path.Combine(_dir, "content");
    private string Topics => Path.Combine(Content, "roadmaps", "tiny", "topics");

    public ContentImageTests() => TestPaths.CopyDirectory(Path.Combine(TestPaths.Golden, "_base"), _dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Drawing = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
             xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 120 40">
          <title>Alpha calls Beta</title>
          <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
          <inkscape:grid/>
          <defs><marker id="arrow"><path d="M0,0 L6,3 L0,6 z"/></marker></defs>
          <style>.box { fill: url(#fill); }</style>
          <rect class="box" width="40" height="30"/><use xlink:href="#arrow"/>
          <text x="5" y="20">Alpha</text>
        </svg>
        """;

    private BuildResult Build(string image, string bytesOrText, string reference)
    {
        File.WriteAllText(Path.Combine(Topics, image), bytesOrText);
        File.AppendAllText(Path.Combine(Topics, "alpha.md"), $"\n{reference}\n");
        return SiteBuild.Run(new BuildOptions(Content, TestPaths.Templates, "/roadmap/"));
    }

    [Fact]
    public void An_image_beside_the_topic_is_published_and_the_page_shows_it_from_there()
    {
        var result = Build("flow.svg", Drawing, "![Alpha calls Beta](flow.svg)");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        var image = Assert.Single(result.Files, f => f.Path == "media/roadmaps/tiny/topics/flow.svg");
        Assert.Equal(File.ReadAllBytes(Path.Combine(Topics, "flow.svg")), image.Content);
        var page = result.Files.Single(f => f.Path == "tiny/alpha/index.html").Html!;
        Assert.Contains("<img src=\"/roadmap/media/roadmaps/tiny/topics/flow.svg\" alt=\"Alpha calls Beta\"", page);
        // The whole-roadmap page shows the same body: the same file, not a second copy.
        Assert.Contains("src=\"/roadmap/media/roadmaps/tiny/topics/flow.svg\"", result.Files.Single(f => f.Path == "tiny/all/index.html").Html!);
        Assert.Contains("/roadmap/media/roadmaps/tiny/topics/flow.svg", result.Files.Single(f => f.Path == "tiny/offline.json").Html ?? System.Text.Encoding.UTF8.GetString(result.Files.Single(f => f.Path == "tiny/offline.json").Content));
    }

    [Fact]
    public void An_image_no_body_shows_is_not_published()
    {
        File.WriteAllText(Path.Combine(Topics, "unused.svg"), Drawing);
        var result = SiteBuild.Run(new BuildOptions(Content, TestPaths.Templates, "/"));
        Assert.True(result.Succeeded);
        Assert.DoesNotContain(result.Files, f => f.Path.StartsWith("media/", StringComparison.Ordinal));
    }

    [Fact]
    public void An_image_larger_than_the_limit_is_an_error_at_the_image_with_what_to_do()
    {
        var result = Build("photo.png", new string('x', ContentImages.MaxBytes + 1), "![A photo](photo.png)");
        var error = Assert.Single(result.Diagnostics.Sorted(), d => d.Severity == Severity.Error);
        Assert.Equal(Codes.FileTooLarge, error.Code);
        Assert.EndsWith("topics/photo.png", error.File);
        Assert.Contains("resize or compress the image", error.Message);
    }

    [Fact]
    public void An_image_file_name_that_is_not_a_slug_is_an_error_with_the_name_to_use()
    {
        var result = Build("My Flow.svg", Drawing, "![Alpha calls Beta](My%20Flow.svg)");
        var error = Assert.Single(result.Diagnostics.Sorted(), d => d.Severity == Severity.Error);
        Assert.Equal(Codes.UnusableImage, error.Code);
        Assert.Contains("'my-flow.svg'", error.Message);
    }

    [Fact]
    public void A_link_to_a_missing_page_is_never_offered_an_image_of_that_name()
    {
        var result = Build("request-response-cycle.svg", Drawing, "See [the cycle](request-response-cycle.md).");
        var error = Assert.Single(result.Diagnostics.Sorted(), d => d.Severity == Severity.Error);
        Assert.Equal(Codes.LinkToMissingFile, error.Code);
        Assert.DoesNotContain(".svg", error.Message);
    }

    [Fact]
    public void An_image_outside_the_content_folder_is_not_found_and_not_read()
    {
        var outside = Path.Combine(_dir, "secret.png");
        File.WriteAllText(outside, "not for the site");
        File.AppendAllText(Path.Combine(Topics, "alpha.md"), "\n![A secret](../../../../secret.png)\n");
        var result = SiteBuild.Run(new BuildOptions(Content, TestPaths.Templates, "/"));
        Assert.Contains(result.Diagnostics.Sorted(), d => d.Code == Codes.MissingImage);
        Assert.DoesNotContain(result.Files, f => f.Path.StartsWith("media/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_symbolic_link_to_an_image_outside_content_is_refused_without_being_read()
    {
        var outside = Path.Combine(_dir, "secret.png");
        File.WriteAllText(outside, "not for the site");
        File.CreateSymbolicLink(Path.Combine(Topics, "diagram.png"), outside);
        File.AppendAllText(Path.Combine(Topics, "alpha.md"), "\n![A diagram](diagram.png)\n");
        var result = SiteBuild.Run(new BuildOptions(Content, TestPaths.Templates, "/"));
        Assert.Contains(result.Diagnostics.Sorted(), d => d.Code == Codes.LinkLeavesFolder && d.File.EndsWith("diagram.png", StringComparison.Ordinal));
        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>""", "event-handler")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><rect ONCLICK="alert(1)"/></svg>""", "event-handler")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>""", "<script>")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script></svg>""", "<s:script>")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>""", "<foreignObject>")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:alert(1)"><text>x</text></a></svg>""", "<a>")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><use x:href="https://evil.example/x.svg#a"/></svg>""", "outside the file")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:alert(1)"/></svg>""", "<set>")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><style>@import 'https://evil.example/x.css';</style></svg>""", "CSS")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(https://evil.example/track)"/></svg>""", "outside the file")]
    [InlineData("""<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>""", "cannot be read")]
    [InlineData("""<html><script>alert(1)</script></html>""", "not an SVG")]
    public void An_SVG_that_could_run_or_load_anything_is_refused_at_its_line(string svg, string what)
    {
        var result = Build("flow.svg", svg, "![A flow](flow.svg)");
        var error = Assert.Single(result.Diagnostics.Sorted(), d => d.Severity == Severity.Error);
        Assert.Equal(Codes.UnsafeSvg, error.Code);
        Assert.EndsWith("topics/flow.svg", error.File);
        Assert.True(error.Line >= 1);
        Assert.Contains(what, error.Message);
        Assert.DoesNotContain(result.Files, f => f.Path.StartsWith("media/", StringComparison.Ordinal));
    }

    public static TheoryData<string, byte[]> RealImages() => new()
    {
        { "diagram.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] },
        { "photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'] },
        { "photo.jpeg", [0xFF, 0xD8, 0xFF, 0xE1, 0, 16] },
        { "anim.gif", "GIF89a\u0001\u0000"u8.ToArray() },
        { "shot.webp", "RIFF\u0010\u0000\u0000\u0000WEBPVP8 "u8.ToArray() },
        // An AVIF's "ftyp" box: size 28, major brand "avif", minor version, compatible brands.
        { "shot.avif", [0, 0, 0, 28, .. "ftypavif"u8, 0, 0, 0, 0, .. "avifmif1miaf"u8] },
    };

    [Theory]
    [MemberData(nameof(RealImages))]
    public void An_image_whose_bytes_are_its_format_is_published(string name, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(Topics, name), bytes);
        File.AppendAllText(Path.Combine(Topics, "alpha.md"), $"\n![What it shows]({name})\n");
        var result = SiteBuild.Run(new BuildOptions(Content, TestPaths.Templates, "/roadmap/"));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        Assert.Contains(result.Files, f => f.Path == $"media/roadmaps/tiny/topics/{name}");
    }

    [Theory]
    [InlineData("diagram.png", "<!DOCTYPE html><html><body>saved as a page</body></html>", "holds an HTML page, not a PNG image")]
    [InlineData("photo.jpg", "\u0089PNG", "holds text, not a JPEG image")]
    [InlineData("anim.gif", "", "holds nothing (the file is empty), not a GIF image")]
    public void An_image_whose_bytes_are_not_what_its_name_says_is_an_error_at_the_line_that_shows_it(string name, string text, string expected)
    {
        var result = Build(name, text, $"![What it shows]({name})");

        var error = Assert.Single(result.Diagnostics.Sorted(), d => d.IsError);
        Assert.Equal(Codes.UnusableImage, error.Code);
        Assert.EndsWith("topics/alpha.md", error.File);
        Assert.Equal(File.ReadAllLines(Path.Combine(Topics, "alpha.md")).Length, error.Line);
        Assert.Contains($"'{name}' {expected}", error.Message);
        Assert.DoesNotContain(result.Files, f => f.Path.EndsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public void A_png_under_a_jpg_name_is_refused_naming_both_formats()
    {
        File.WriteAllBytes(Path.Combine(Topics, "photo.jpg"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
        File.AppendAllText(Path.Combine(Topics, "alpha.md"), "\n![A photo](photo.jpg)\n");
        var result = SiteBuild.Run(new BuildOptions(Content, TestPaths.Templates, "/roadmap/"));

        var error = Assert.Single(result.Diagnostics.Sorted(), d => d.IsError);
        Assert.Contains("'photo.jpg' holds PNG image data, not a JPEG image", error.Message);
    }
}
