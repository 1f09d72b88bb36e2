using System;

namespace Onigwrap
{
    /// <summary>
    /// RoadmapGen's addition to Onigwrap 1.0.11: whether searchers made on this thread search their
    /// patterns as one regset (<see cref="RegSet"/>, the default) or one by one as upstream does.
    /// </summary>
    /// <remarks>Upstream's loop stays for tests that compare the two, and for a searcher with an invalid pattern.</remarks>
    public static class RegSetSearch
    {
        [ThreadStatic]
        private static int _off;

        internal static bool Enabled => _off == 0;

        /// <summary>Searchers made on this thread search pattern by pattern, as upstream's, until the returned scope ends (scopes nest).</summary>
        public static IDisposable Off()
        {
            _off++;
            return new Scope();
        }

        private sealed class Scope : IDisposable
        {
            private bool _disposed;

            public void Dispose()
            {
                if (_disposed) return;
                _disposed = true;
                _off--;
            }
        }
    }
}
