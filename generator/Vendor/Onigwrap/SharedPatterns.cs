using System;
using System.Collections.Generic;
using System.Threading;

namespace Onigwrap
{
    /// <summary>
    /// RoadmapGen's addition to Onigwrap 1.0.11: compiled regexes shared by every scanner made on a
    /// thread while this is in use there (<see cref="Use"/>), each distinct pattern compiled once.
    /// </summary>
    /// <remarks>
    /// TextMateSharp makes a scanner for every rule and for every anchor variant of it, and the rules
    /// of a grammar list the same patterns again and again (JavaScript's grammar: 1,531 patterns
    /// compiled for 196 distinct), so most of a grammar's first use went to compiling copies. Only
    /// the compiled <see cref="ORegex"/> is shared: each scanner keeps its own <see cref="OnigRegExp"/>
    /// (its last match on a line), so no scanner sees another's results. An <see cref="ORegex"/>
    /// searches under its own lock, so sharing stays correct on any thread; it is fastest when one
    /// thread at a time uses the scanners made under one instance. Patterns are keyed as given,
    /// before <see cref="UnicodeCharEscape"/>'s rewrites (which are pure), with the options passed:
    /// an invalid pattern is kept too and throws at search time, as without sharing.
    /// </remarks>
    public sealed class SharedPatterns
    {
        [ThreadStatic]
        private static SharedPatterns _current;

        private static long _compiled;

        private readonly Dictionary<(string Pattern, bool IgnoreCase, bool Multiline), ORegex> _regexes =
            new Dictionary<(string, bool, bool), ORegex>();

        /// <summary>Regexes compiled by Oniguruma through this assembly in this process, shared or not.</summary>
        public static long Compiled => Interlocked.Read(ref _compiled);

        /// <summary>Whether Oniguruma was initialized up front, so threads compile patterns without waiting on one another.</summary>
        public static bool CompilesInParallel => ORegex.Initialized;

        /// <summary>Distinct patterns held.</summary>
        public int Count
        {
            get
            {
                lock (_regexes) return _regexes.Count;
            }
        }

        /// <summary>Lets go of every pattern held (scanners made already keep theirs): the next scanner compiles again.</summary>
        public void Clear()
        {
            lock (_regexes) _regexes.Clear();
        }

        /// <summary>Scanners made on this thread share this instance's patterns until the returned scope ends (scopes nest).</summary>
        public IDisposable Use()
        {
            var scope = new Scope(_current);
            _current = this;
            return scope;
        }

        internal static ORegex Regex(string pattern, bool ignoreCase, bool multiline)
        {
            var shared = _current;
            if (shared == null) return new ORegex(pattern, ignoreCase, multiline);
            var key = (pattern, ignoreCase, multiline);
            lock (shared._regexes)
            {
                if (!shared._regexes.TryGetValue(key, out var regex))
                    shared._regexes[key] = regex = new ORegex(pattern, ignoreCase, multiline);
                return regex;
            }
        }

        internal static void CountCompiled() => Interlocked.Increment(ref _compiled);

        private sealed class Scope : IDisposable
        {
            private readonly SharedPatterns _previous;

            public Scope(SharedPatterns previous) => _previous = previous;

            public void Dispose() => _current = _previous;
        }
    }
}
