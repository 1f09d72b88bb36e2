using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>Highlighted code, its Copy button, and the "Check yourself" questions, as a reader meets them.</summary>
[Collection(SiteCollection.Name)]
public sealed class CodeAndQuestionTests(SiteFixture site)
{
    /// <summary>The colour of the first token of a class in the first code block of a language.</summary>
    private static Task<string> TokenColourAsync(IPage page, string language, string tokenClass) =>
        page.Locator($"pre[aria-label='Code: {language}'] .{tokenClass}").First
            .EvaluateAsync<string>("e => getComputedStyle(e).color");

    [BrowserFact]
    public Task Python_is_highlighted_in_colours_that_differ_between_light_and_dark() =>
        HighlightedInBothSchemesAsync("backend/caching/", "Python", "tok-keyword");

    [BrowserFact]
    public Task Shell_is_highlighted_in_colours_that_differ_between_light_and_dark() =>
        HighlightedInBothSchemesAsync("backend/docker/", "Shell", "tok-comment");

    private async Task HighlightedInBothSchemesAsync(string url, string language, string tokenClass)
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Light });
        var page = await session.OpenAsync(url);
        var code = page.Locator($"pre[aria-label='Code: {language}']").First;
        await Expect(code).ToHaveAttributeAsync("tabindex", "0");
        await Expect(code).ToHaveAttributeAsync("role", "region");
        Assert.True(await code.Locator("span[class^='tok-']").CountAsync() > 3, $"the {language} block has no highlighted tokens");

        var plain = await code.EvaluateAsync<string>("e => getComputedStyle(e).color");
        var light = await TokenColourAsync(page, language, tokenClass);
        Assert.NotEqual(plain, light);

        await page.Locator("button[data-theme-toggle]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        var dark = await TokenColourAsync(page, language, tokenClass);
        Assert.NotEqual(light, dark);
        Assert.Empty(await BrowserSession.CspViolationsAsync(page));
    }

    [BrowserFact]
    public async Task Copy_puts_the_code_on_the_clipboard_and_says_Copied()
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions
        {
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var page = await session.OpenAsync("backend/docker/");
        var block = page.Locator(".code-block").Filter(new() { Has = page.Locator("pre[aria-label='Code: Shell']") }).First;
        var button = block.GetByRole(AriaRole.Button, new() { Name = "Copy Shell code" });
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#copy-status[role='status']")).ToHaveTextAsync("Copied");
        await Expect(button).ToHaveTextAsync("Copied");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        var shown = await block.Locator("code").InnerTextAsync();
        Assert.Equal(shown.TrimEnd('\n'), copied);
        Assert.StartsWith("docker build -t myapp:1.0 .", copied);
        Assert.Empty(await BrowserSession.CspViolationsAsync(page));
    }

    [BrowserFact]
    public async Task Without_JavaScript_there_is_no_Copy_button_and_the_code_is_still_there()
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await session.OpenAsync("backend/docker/");
        await Expect(page.Locator("pre[aria-label='Code: Shell']").First).ToContainTextAsync("docker build");
        await Expect(page.Locator(".copy-button")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task Questions_open_and_close_with_the_keyboard()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/sql/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check yourself" })).ToBeVisibleAsync();
        var question = page.Locator(".check-yourself details").First;
        var answer = question.Locator(".answer");
        await Expect(answer).ToBeHiddenAsync();

        await question.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(question).ToHaveAttributeAsync("open", "");
        await Expect(answer).ToBeVisibleAsync();
        await Expect(question.Locator("summary code").First).ToHaveTextAsync("WHERE");
        await Expect(answer.Locator("code").First).ToHaveTextAsync("WHERE");

        await page.Keyboard.PressAsync("Space");
        await Expect(answer).ToBeHiddenAsync();
    }
}
