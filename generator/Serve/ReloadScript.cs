using System.Text;

namespace RoadmapGen.Serve;

/// <summary>
/// The browser side of serve: a script that reloads the page after a rebuild and lays the build's
/// diagnostics over the page while it fails. It is added to pages as they are sent, never to the
/// built site, and as an external script because the pages' CSP forbids inline ones.
/// </summary>
public static class ReloadScript
{
    public const string Prefix = "/__roadmapgen/";
    public const string ScriptPath = Prefix + "reload.js";
    public const string EventsPath = Prefix + "events";

    private static readonly byte[] BodyEnd = "</body>"u8.ToArray();

    /// <summary>The page's bytes with the script tag before <c>&lt;/body&gt;</c>, as the segments to send.</summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> Inject(byte[] html, string version)
    {
        var tag = Encoding.UTF8.GetBytes($"<script src=\"{ScriptPath}\" data-version=\"{version}\"></script>\n");
        var at = html.AsSpan().LastIndexOf(BodyEnd);
        if (at < 0) return [html, tag];
        return [html.AsMemory(0, at), tag, html.AsMemory(at)];
    }

    // Text only ever goes in through textContent, so a diagnostic quoting HTML shows as text.
    // Styles are set through the CSSOM, which the pages' CSP (style-src 'self') allows.
    public const string Source = """
        // Added by `roadmapgen serve` only: reloads after a rebuild, shows build errors over the page.
        (function () {
          'use strict';
          var script = document.currentScript;
          var pageVersion = script ? script.getAttribute('data-version') : null;
          var overlay = null;
          // Naming this page lets serve render it first after a save.
          var events = new EventSource('/__roadmapgen/events?page=' + encodeURIComponent(location.pathname));

          events.addEventListener('reload', function () { location.reload(); });
          events.addEventListener('diagnostics', function (event) {
            var state = JSON.parse(event.data);
            if (state.errors > 0) { show(state); return; }
            hide();
            // A rebuild that finished while this page loaded, or while serve was restarting.
            if (pageVersion && state.version && state.version !== pageVersion) location.reload();
          });

          function show(state) {
            if (!overlay) {
              overlay = document.createElement('div');
              overlay.id = 'roadmapgen-overlay';
              overlay.setAttribute('role', 'alert');
              css(overlay, { position: 'fixed', top: '0', right: '0', bottom: '0', left: '0', boxSizing: 'border-box', zIndex: '2147483647', overflow: 'auto', padding: '2rem',
                background: 'rgba(20, 20, 24, 0.94)', color: '#f4f4f5', font: '14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' });
              var title = document.createElement('h2');
              css(title, { margin: '0 0 0.5rem', font: 'bold 18px/1.3 system-ui, sans-serif', color: '#fca5a5' });
              var note = document.createElement('p');
              css(note, { margin: '0 0 1rem', font: '14px/1.4 system-ui, sans-serif', color: '#d4d4d8' });
              var text = document.createElement('pre');
              css(text, { margin: '0', padding: '0', border: '0', background: 'transparent', color: 'inherit', font: 'inherit', whiteSpace: 'pre-wrap', wordBreak: 'break-word' });
              var close = document.createElement('button');
              close.type = 'button';
              close.textContent = 'Hide';
              css(close, { position: 'absolute', top: '1rem', right: '1rem', font: '14px system-ui, sans-serif' });
              close.addEventListener('click', hide);
              overlay.append(close, title, note, text);
            }
            overlay.querySelector('h2').textContent = 'Build failed: ' + state.errors + ' error' + (state.errors === 1 ? '' : 's');
            overlay.querySelector('p').textContent = (state.lastGood ? 'Still showing the last good build. ' : 'Nothing has built yet. ')
              + 'Fix the file and save: this page reloads by itself.';
            overlay.querySelector('pre').textContent = state.text;
            if (!overlay.isConnected) document.body.appendChild(overlay);
          }

          function hide() {
            if (overlay) overlay.remove();
          }

          function css(element, styles) {
            for (var name in styles) element.style[name] = styles[name];
          }
        })();

        """;
}
