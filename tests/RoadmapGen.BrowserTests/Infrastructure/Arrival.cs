using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests.Infrastructure;

/// <summary>Waits for a click or an Enter to have taken the page to a URL.</summary>
/// <remarks>
/// <c>WaitForURLAsync</c> also waits for the new page's "load" event, and when the URL has already changed it
/// checks for that event and then subscribes to it: a "load" that lands in between is missed and the wait runs
/// out after seeing only "networkidle" (as CI did once). Asserting the URL polls instead, and the assertions that
/// follow wait for the content they read.
/// </remarks>
public static class Arrival
{
    // A machine busy with other builds can take seconds to answer a navigation.
    private static readonly PageAssertionsToHaveURLOptions Patience = new() { Timeout = SiteFixture.Patience.Navigation };

    public static Task ArriveAtAsync(this IPage page, string url) => Expect(page).ToHaveURLAsync(url, Patience);

    public static Task ArriveAtAsync(this IPage page, Regex url) => Expect(page).ToHaveURLAsync(url, Patience);
}
