using System.Text.RegularExpressions;
using RoadmapGen.Tests.External;
using RoadmapGen.Tests.Serve;

namespace RoadmapGen.Tests.Native;

/// <summary>Every command of the native binary, on the real content, as a user runs them.</summary>
public sealed partial class NativeBinaryTests : IDisposable
{
    private readonly string _work = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string CopyOfRepository()
    {
        RepositoryFiles.CopyContent(Path.Combine(_work, "content"));
        TestPaths.CopyDirectory(TestPaths.Templates, Path.Combine(_work, "templates"));
        return _work;
    }

    [NativeFact]
    public async Task Native_build_of_the_real_content_writes_the_same_bytes_as_the_in_process_build_and_checks_clean()
    {
        var output = Path.Combine(_work, "site");
        var (exit, printed) = await NativeBinary.RunAsync(TestPaths.RepoRoot, "build",
            "--content", TestPaths.Content, "--templates", TestPaths.Templates, "--out", output, "--base-path", "/roadmap/");

        Assert.True(exit == 0, printed);
        Assert.Matches(@"^Built \d+ pages \(\d+ files\), checked \d+ links in [\d.]+ s → ", printed);
        var expected = SiteBuild.Run(new BuildOptions(TestPaths.Content, TestPaths.Templates, "/roadmap/"));
        Assert.True(expected.Succeeded);
        var written = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Where(f => f != ".roadmapgen")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Files.Select(f => f.Path).Order(StringComparer.Ordinal), written);
        foreach (var file in expected.Files)
            Assert.True(file.Content.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, file.Path))), $"{file.Path} differs");

        var (checkExit, checkPrinted) = await NativeBinary.RunAsync(TestPaths.RepoRoot, "check", output, "--base-path", "/roadmap/");
        Assert.True(checkExit == 0, checkPrinted);
        Assert.Matches(@"Checked \d+ links in \d+ pages in [\d.]+ s: 0 problem\(s\)", checkPrinted);
    }

    [NativeFact]
    public async Task Native_binary_copied_without_its_highlighting_library_builds_plain_code_and_says_why_at_the_first_block()
    {
        var root = CopyOfRepository();
        var copy = Path.Combine(root, "bin", "roadmapgen");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(NativeBinary.Path, copy);

        var (exit, printed) = await NativeBinary.RunCopyAsync(copy, root, "build", "--out", Path.Combine(root, "site"));

        Assert.True(exit == 0, printed);
        Assert.Matches(@"content/[a-z/-]+\.md\(\d+,1\): warning RG0404: code blocks are written without highlighting: the highlighter's native library did not load \(.*libonigwrap", printed);
        Assert.Single(Regex.Matches(printed, "RG0404"));
        var page = File.ReadAllText(Path.Combine(root, "site", "backend", "python", "index.html"));
        Assert.Contains("<code class=\"language-python\">", page);
        Assert.DoesNotContain("tok-", page);
    }

    [NativeFact]
    public async Task Native_build_reports_a_content_mistake_at_its_line_and_exits_1()
    {
        var root = CopyOfRepository();
        var topic = Path.Combine(root, "content", "roadmaps", "backend", "topics", "caching.md");
        File.WriteAllText(topic, File.ReadAllText(topic).Replace("prerequisites: [", "prerequisites: [cachng, "));

        var (exit, printed) = await NativeBinary.RunAsync(root, "build", "--out", Path.Combine(root, "site"));

        Assert.Equal(1, exit);
        Assert.Matches(@"content/roadmaps/backend/topics/caching\.md\(\d+,\d+\): error RG0103: unknown topic 'cachng'", printed);
        Assert.DoesNotContain("   at ", printed);
        Assert.False(Directory.Exists(Path.Combine(root, "site")));
    }

    [NativeFact]
    public async Task Native_check_external_reports_a_dead_link_and_remembers_answers_in_its_cache()
    {
        await using var server = await LinkServer.StartAsync();
        var site = Path.Combine(_work, "site");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "index.html"),
            $"<!doctype html>\n<html lang=\"en\"><head><title>Home</title></head>\n<body><a href=\"{server.Url("/ok")}\">ok</a>\n<a href=\"{server.Url("/missing")}\">gone</a></body></html>\n");
        var cache = Path.Combine(_work, "links.json");

        var (exit, printed) = await NativeBinary.RunAsync(_work, "check", site, "--external", "--cache", cache);

        Assert.Equal(1, exit);
        Assert.Matches(@"index\.html\(4,\d+\): error RG0304: dead external link on 'Home': http://127\.0\.0\.1:\d+/missing — 404", printed);
        Assert.Contains("\"state\": \"dead\"", File.ReadAllText(cache));
        var requests = server.TotalRequests;

        var (again, _) = await NativeBinary.RunAsync(_work, "check", site, "--external", "--cache", cache);
        Assert.Equal(1, again);
        Assert.Equal(requests, server.TotalRequests);
    }

    [NativeFact]
    public async Task Native_new_topic_writes_a_topic_whose_placeholders_fail_the_build_until_written()
    {
        var root = CopyOfRepository();

        var (exit, printed) = await NativeBinary.RunAsync(root, "new", "topic", "backend", "stream-processing");

        Assert.True(exit == 0, printed);
        var file = Path.Combine(root, "content", "roadmaps", "backend", "topics", "stream-processing.md");
        Assert.True(File.Exists(file));
        Assert.Contains("stream-processing", File.ReadAllText(Path.Combine(root, "content", "roadmaps", "backend", "roadmap.yml")));

        // Left as written, every complaint is about the new file, and its placeholders are named.
        var (failed, failPrinted) = await NativeBinary.RunAsync(root, "build", "--out", Path.Combine(root, "site"));
        Assert.Equal(1, failed);
        var errors = failPrinted.Split('\n').Where(l => l.Contains(": error ")).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("content/roadmaps/backend/topics/stream-processing.md(", e));
        Assert.Contains(errors, e => e.Contains("error RG0148"));

        File.WriteAllText(file, """
            ---
            title: Stream processing
            summary: Handling events continuously as they arrive rather than in nightly batches.
            resources:
              - title: Apache Kafka Streams documentation
                url: https://kafka.apache.org/documentation/streams/
                type: official
              - title: Apache Flink documentation
                url: https://nightlies.apache.org/flink/flink-docs-stable/
                type: official
              - title: Streaming 101
                url: https://www.oreilly.com/radar/the-world-beyond-batch-streaming-101/
                type: article
            questions:
              - question: What is a stream?
                answer: An unbounded sequence of events, processed as they arrive.
              - question: What is a window?
                answer: A bounded slice of a stream, by time or count, that an aggregate runs over.
              - question: Why do late events matter?
                answer: An event can arrive after its window closed, so the result must be corrected or the event dropped.
            ---

            Stream processing reads events as they happen.
            """);
        var (built, buildPrinted) = await NativeBinary.RunAsync(root, "build", "--out", Path.Combine(root, "site"));
        Assert.True(built == 0, buildPrinted);
        Assert.True(File.Exists(Path.Combine(root, "site", "backend", "stream-processing", "index.html")));
    }

    [NativeFact]
    public async Task Native_serve_reloads_an_open_page_when_a_topic_is_saved_and_serves_the_new_text()
    {
        var root = CopyOfRepository();
        using var process = System.Diagnostics.Process.Start(NativeBinary.StartInfo(root, "serve", "--port", "0"))!;
        try
        {
            var home = await ServingAddress(process);
            await using var events = await EventStream.ConnectAsync(home);
            await events.NextAsync("diagnostics");
            var topic = Path.Combine(root, "content", "roadmaps", "backend", "topics", "caching.md");
            File.WriteAllText(topic, Regex.Replace(File.ReadAllText(topic), "^title: Caching$", "title: Caching, natively", RegexOptions.Multiline));

            await events.NextAsync("reload");

            using var http = new HttpClient { BaseAddress = home, Timeout = TimeSpan.FromSeconds(30) };
            var page = await http.GetStringAsync("backend/caching/");
            Assert.Contains("<h1>Caching, natively</h1>", page);
            Assert.Contains("/__roadmapgen/", page);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>The address serve prints once it listens ("serving http://127.0.0.1:PORT/ …").</summary>
    private static async Task<Uri> ServingAddress(System.Diagnostics.Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var printed = "";
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            printed += line + "\n";
            if (ServingLine().Match(line) is { Success: true } match) return new Uri(match.Groups[1].Value);
        }
        throw new InvalidOperationException("serve exited without serving: " + printed + await process.StandardError.ReadToEndAsync());
    }

    [GeneratedRegex(@"^serving (http://\S+/) ")]
    private static partial Regex ServingLine();
}
