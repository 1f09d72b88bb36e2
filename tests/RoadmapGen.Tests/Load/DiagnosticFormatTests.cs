using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Load;

public class DiagnosticFormatTests
{
    [Fact]
    public void Prints_in_compiler_form()
    {
        var d = Diagnostic.Error("RG0103", "content/roadmaps/backend/topics/redis.md", 4, 12, "unknown topic 'cachng' in prerequisites (did you mean 'caching'?)");
        Assert.Equal("content/roadmaps/backend/topics/redis.md(4,12): error RG0103: unknown topic 'cachng' in prerequisites (did you mean 'caching'?)", d.ToString());
    }

    [Fact]
    public void Prints_github_annotation_with_escaped_properties()
    {
        var d = Diagnostic.Warning("RG0104", "a,b.md", 2, 1, "50% off\nnext");
        Assert.Equal("::warning file=a%2Cb.md,line=2,col=1,title=RG0104::50%25 off%0Anext", d.ToGitHubAnnotation());
    }

    [Fact]
    public void Whole_file_diagnostic_has_no_position()
    {
        Assert.Equal("x.md: error RG0114: empty", Diagnostic.Error("RG0114", "x.md", 0, 0, "empty").ToString());
    }

    [Theory]
    [InlineData("cachng", "caching")]
    [InlineData("cahcing", "caching")]
    [InlineData("prerequisits", "prerequisites")]
    [InlineData("zzz", null)]
    public void Did_you_mean_suggests_close_names_only(string typo, string? expected)
    {
        Assert.Equal(expected, DidYouMean.Suggest(typo, ["caching", "prerequisites", "http"]));
    }

    [Theory]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("JaVaScRiPt:alert(1)", "javascript")]
    [InlineData("java\tscript:alert(1)", "javascript")]
    [InlineData("java%73cript:alert(1)", "javascript")]
    [InlineData("data:text/html,x", "data")]
    [InlineData("https://example.com/a:b", null)]
    [InlineData("caching.md", null)]
    public void Dangerous_url_schemes_are_recognised_however_they_are_spelled(string url, string? scheme)
    {
        Assert.Equal(scheme, UrlSafety.DangerousScheme(url));
    }
}
