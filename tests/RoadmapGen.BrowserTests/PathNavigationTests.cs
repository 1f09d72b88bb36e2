using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// Previous and Next follow the reader's path: a group of alternatives is one step, entered at
/// the reader's pick (before any pick, the recommended one) and left for what follows the group.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class PathNavigationTests(SiteFixture site)
{
    /// <summary>The first choice of the roadmap: the topic before it, its alternatives, the topic after it.</summary>
    private (TopicSource Before, List<TopicSource> Group, TopicSource After) FirstChoice()
    {
        var topics = site.Content.Topics.ToList();
        var start = topics.FindIndex(t => t.Choice is not null);
        var group = topics.Skip(start).TakeWhile(t => t.Choice == topics[start].Choice).ToList();
        return (topics[start - 1], group, topics[start + group.Count]);
    }

    private static ILocator Next(IPage page) => page.Locator(".pager a[rel='next']");
    private static ILocator Previous(IPage page) => page.Locator(".pager a[rel='prev']");

    [BrowserFact]
    public async Task Before_any_pick_next_enters_a_group_at_its_recommended_topic_and_leaves_it_past_the_alternatives()
    {
        var (before, group, after) = FirstChoice();
        var entry = group.FirstOrDefault(t => t.Recommended) ?? group[0];
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync($"backend/{before.Slug}/");
        await Expect(Next(page)).ToContainTextAsync(entry.Title);
        // The other alternatives are one click away.
        await Expect(page.Locator(".pager-choice a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/backend/#choice-"));
        await Next(page).ClickAsync();
        await page.ArriveAtAsync(site.Url($"backend/{entry.Slug}/"));
        foreach (var alternative in group.Where(t => t != entry))
            await Expect(page.Locator($".topic-kind a[data-topic='{alternative.Slug}']")).ToBeVisibleAsync();

        // From any alternative, Next goes past the group and Previous back before it.
        var last = group[^1];
        await page.GotoAsync($"backend/{last.Slug}/");
        await Expect(Next(page)).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"/backend/{after.Slug}/$"));
        await Expect(Previous(page)).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"/backend/{before.Slug}/$"));
    }

    [BrowserFact]
    public async Task After_a_pick_on_the_map_next_and_previous_lead_through_the_picked_alternative_only()
    {
        var (before, group, after) = FirstChoice();
        var pick = group.Last(t => !t.Recommended);
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        await page.Locator($"li.choice:has(li.node[data-topic='{pick.Slug}']) select").SelectOptionAsync(pick.Slug);

        await page.GotoAsync($"backend/{before.Slug}/");
        await Expect(Next(page)).ToContainTextAsync(pick.Title);
        await Next(page).ClickAsync();
        await page.ArriveAtAsync(site.Url($"backend/{pick.Slug}/"));
        await Next(page).ClickAsync();
        await page.ArriveAtAsync(site.Url($"backend/{after.Slug}/"));
        await Expect(Previous(page)).ToContainTextAsync(pick.Title);
        await Previous(page).ClickAsync();
        await page.ArriveAtAsync(site.Url($"backend/{pick.Slug}/"));
    }

    [BrowserFact]
    public async Task Mark_done_and_continue_marks_the_topic_done_and_opens_the_next_on_the_path()
    {
        var (before, group, _) = FirstChoice();
        var entry = group.FirstOrDefault(t => t.Recommended) ?? group[0];
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync($"backend/{before.Slug}/");
        var button = page.GetByRole(AriaRole.Link, new() { Name = "Mark done and continue" });
        await Expect(button).ToBeVisibleAsync();
        await button.ClickAsync();
        await page.ArriveAtAsync(site.Url($"backend/{entry.Slug}/"));
        var stored = await BrowserSession.LocalStorageAsync(page, "roadmapgen:progress:backend");
        Assert.Contains($"\"{before.Slug}\":\"done\"", stored);

        // The last topic has nowhere to continue to: it is only marked done.
        var last = site.Content.Topics[^1];
        await page.GotoAsync($"backend/{last.Slug}/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done", Exact = true }).ClickAsync();
        await Expect(page.Locator("fieldset[data-status] input[value='done']")).ToBeCheckedAsync();
    }

    [BrowserFact]
    public async Task An_alternatives_page_says_when_to_choose_it()
    {
        var (_, group, _) = FirstChoice();
        await using var session = await site.NewSessionAsync();
        foreach (var alternative in group)
        {
            var page = await session.OpenAsync($"backend/{alternative.Slug}/");
            await Expect(page.Locator(".topic-kind .when")).ToContainTextAsync($"Choose {alternative.Title} when:");
            await page.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Resources_are_one_tap_from_the_top_of_a_topic_on_a_phone()
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await session.OpenAsync("backend/caching/");
        var jump = page.Locator(".jump-links a[href='#resources-heading']");
        Assert.True((await jump.BoundingBoxAsync())!.Y < 844, "the Resources link is not on the first screen");
        await jump.ClickAsync();
        await Expect(page.Locator("#resources-heading")).ToBeInViewportAsync();
    }
}
