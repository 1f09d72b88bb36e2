using System.Threading;

namespace Onigwrap
{
    /// <summary>
    /// RoadmapGen's addition to Onigwrap 1.0.11: what this assembly compiles, readable by its user.
    /// </summary>
    public static class SharedPatterns
    {
        private static long _compiled;

        /// <summary>Regexes compiled by Oniguruma through this assembly in this process.</summary>
        public static long Compiled => Interlocked.Read(ref _compiled);

        internal static void CountCompiled() => Interlocked.Increment(ref _compiled);
    }
}
