using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace RoadmapGen.BrowserTests.Infrastructure;

/// <summary>One browser context that keeps every request URL, console error and page error it sees.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    // Runs before any page script; CSP violations are events on the document, invisible to the driver otherwise.
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => {
          window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
        });
        """;

    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private BrowserSession(IBrowserContext context) => Context = context;

    public IBrowserContext Context { get; }
    public IReadOnlyCollection<string> Requests => _requests;
    public IReadOnlyCollection<string> Errors => _errors;

    public static async Task<BrowserSession> StartAsync(IBrowserContext context)
    {
        var session = new BrowserSession(context);
        context.Request += (_, request) => session._requests.Enqueue(request.Url);
        context.Console += (_, message) =>
        {
            if (message.Type == "error") session._errors.Enqueue($"console error on {message.Page?.Url}: {message.Text}");
        };
        context.WebError += (_, error) => session._errors.Enqueue($"uncaught error: {error.Error}");
        await context.AddInitScriptAsync(RecordViolations);
        return session;
    }

    public async Task<IPage> OpenAsync(string relativeUrl)
    {
        var page = await Context.NewPageAsync();
        var response = await page.GotoAsync(relativeUrl);
        Assert.True(response is { Ok: true }, $"GET {relativeUrl} answered {response?.Status}");
        return page;
    }

    public static Task<string[]> CspViolationsAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => window.__cspViolations || []");

    public static async Task<string?> LocalStorageAsync(IPage page, string key) =>
        await page.EvaluateAsync<string?>("key => localStorage.getItem(key)", key);

    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}
