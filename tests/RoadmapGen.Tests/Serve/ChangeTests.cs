using RoadmapGen.Serve;

namespace RoadmapGen.Tests.Serve;

public class ChangeTests
{
    [Theory]
    [InlineData("content/roadmaps/backend/topics/http.md", false, true)]
    [InlineData("content/roadmaps/backend/roadmap.yml", false, true)]
    [InlineData("content/roadmaps/backend/topics", false, true)]
    [InlineData("content/roadmaps/backend/topics/.http.md.swp", false, false)]
    [InlineData("content/roadmaps/backend/topics/http.md~", false, false)]
    [InlineData("content/roadmaps/backend/topics/4913", false, false)]
    [InlineData("content/roadmaps/backend/topics/.#http.md", false, false)]
    [InlineData("content/roadmaps/backend/topics/notes.txt", false, false)]
    [InlineData("content/roadmaps/backend/topics/request-response-cycle.svg", false, true)]
    [InlineData("content/roadmaps/backend/topics/Screenshot.PNG", false, true)]
    [InlineData("templates/partials/footer.sbn-html", true, true)]
    [InlineData("templates/assets/style.css", true, true)]
    [InlineData("templates/README.txt", true, false)]
    [InlineData("templates/strings/es.yml", true, true)]
    public void Editor_scratch_files_do_not_trigger_a_rebuild(string path, bool isTemplates, bool relevant)
    {
        var root = isTemplates ? "/site/templates" : "/site/content";
        Assert.Equal(relevant, ContentWatcher.Relevant(root, "/site/" + path, isTemplates));
    }

    [Fact]
    public void Rebuild_line_names_what_changed()
    {
        var topic = "/c/roadmaps/backend/topics/http.md";
        Assert.Equal("1 topic changed", new ChangeSet(new HashSet<string> { topic }, false, false).Describe());
        Assert.Equal("templates and 1 topic and 1 file changed",
            new ChangeSet(new HashSet<string> { topic, "/c/roadmaps/backend/roadmap.yml", "/c/roadmaps/backend/topics/sedX1y2Z3" }, true, false).Describe());
        Assert.Equal("2 topics changed", new ChangeSet(new HashSet<string> { topic }, false, false)
            .Merge(new ChangeSet(new HashSet<string> { "/c/roadmaps/backend/topics/dns.md" }, false, false)).Describe());
    }
}
