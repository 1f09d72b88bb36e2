using RoadmapGen.Memo;

namespace RoadmapGen.Tests.Memo;

/// <summary>Highlighted code kept between builds: the next build reads what this one wrote, and a lost or broken file only costs time.</summary>
public sealed class HighlightStoreTests : IDisposable
{
    private readonly TempDirs _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void What_one_build_highlighted_the_next_build_reads_back_plain_blocks_included()
    {
        var folder = _temp.New();
        var first = HighlightStore.Open(folder)!;
        var python = HighlightStore.Key("python", "print('hi')");
        var plain = HighlightStore.Key("text", "just words");
        Assert.False(first.TryGet(python, out _));
        first.Add(python, "<span class=\"tok-function\">print</span>('hi')\n");
        first.Add(plain, null);
        first.Save();

        var next = HighlightStore.Open(folder)!;
        Assert.True(next.TryGet(python, out var html));
        Assert.Equal("<span class=\"tok-function\">print</span>('hi')\n", html);
        Assert.True(next.TryGet(plain, out var none));
        Assert.Null(none);
    }

    [Fact]
    public void The_key_depends_on_the_language_and_every_character_of_the_code()
    {
        Assert.NotEqual(HighlightStore.Key("python", "x = 1"), HighlightStore.Key("ruby", "x = 1"));
        Assert.NotEqual(HighlightStore.Key("python", "x = 1"), HighlightStore.Key("python", "x = 1 "));
        Assert.Equal(HighlightStore.Key("python", "x = 1"), HighlightStore.Key("python", "x = 1"));
    }

    [Fact]
    public void A_broken_store_file_is_ignored_and_replaced_not_an_error()
    {
        var folder = _temp.New();
        var store = HighlightStore.Open(folder)!;
        store.Add("a", "<span>a</span>\n");
        store.Save();
        var file = Assert.Single(Directory.GetFiles(folder, "highlight-*.json"));
        File.WriteAllText(file, "{ \"a\": ");

        var reopened = HighlightStore.Open(folder)!;
        Assert.False(reopened.TryGet("a", out _));
        reopened.Add("b", "<span>b</span>\n");
        reopened.Save();
        Assert.True(HighlightStore.Open(folder)!.TryGet("b", out _));
        Assert.DoesNotContain(Directory.GetFiles(folder), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Saving_twice_at_once_leaves_one_whole_file()
    {
        var folder = _temp.New();
        var one = HighlightStore.Open(folder)!;
        var two = HighlightStore.Open(folder)!;
        for (var i = 0; i < 2000; i++)
        {
            one.Add("one" + i, "<span>x</span>\n");
            two.Add("two" + i, "<span>y</span>\n");
        }
        Parallel.Invoke(one.Save, two.Save);
        var read = HighlightStore.Open(folder)!;
        Assert.True(read.TryGet("one0", out _) || read.TryGet("two0", out _));
        Assert.Single(Directory.GetFiles(folder, "highlight-*.json"));
    }
}
