using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RoadmapGen.BrowserTests.Infrastructure;

/// <summary>The accessibility standard every page is held to, WCAG 2.2 A and AA as axe-core tags it, and how a miss is told.</summary>
public static class Wcag
{
    private static readonly AxeRunOptions AAndAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>
    /// axe's violations on the page as it is now, each with <paramref name="where"/>, the rule and
    /// its first elements. axe is injected as a script: the page's session must bypass its CSP.
    /// </summary>
    public static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string where) =>
        (await page.RunAxe(AAndAA)).Violations.Select(v =>
            $"{where}: {v.Id} ({v.Impact}) {v.Help}: " +
            string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target} {n.Html}")) +
            (v.Nodes.Length > 3 ? $" | … {v.Nodes.Length - 3} more" : ""));
}
