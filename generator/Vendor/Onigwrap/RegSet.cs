using System;
using System.Collections.Generic;
using System.Threading;

using Onigwrap.Internal;

namespace Onigwrap
{
    /// <summary>
    /// RoadmapGen's addition to Onigwrap 1.0.11: a searcher's patterns searched together in one call
    /// of Oniguruma's <c>onig_regset_search</c>, as vscode-oniguruma does for VS Code's TextMate.
    /// </summary>
    /// <remarks>
    /// With <c>ONIG_REGSET_POSITION_LEAD</c> the call returns the match that starts earliest and, of
    /// those starting at one place, the first pattern's: exactly what <see cref="OnigSearcher"/>'s loop
    /// chooses (each pattern's leftmost match, the least location, ties to the lower index). It walks
    /// the text once for all patterns instead of once per pattern, and makes one native call and one
    /// result per search instead of one per pattern. <c>\G</c> is the search's start in both.
    ///
    /// The set holds the searcher's compiled regexes, which <see cref="SharedPatterns"/> may share with
    /// other searchers, so it must never free them: <c>onig_regset_free</c> frees its regexes, so the
    /// set is emptied first (<c>onig_regset_replace</c> with NULL, which frees only the set's own
    /// region). Emptying reads the regexes still in the set, so each <see cref="ORegex"/> counts the
    /// sets holding it and defers its own finalization until none does (the finalizers of a set and
    /// of its regexes may run in either order).
    ///
    /// The set keeps each pattern's last region, so one set is searched by one thread at a time (its
    /// lock); a regex itself is only read while matching.
    /// </remarks>
    internal sealed unsafe class RegSet
    {
        private const int PositionLead = 0; // ONIG_REGSET_POSITION_LEAD
        private const uint OptionNone = 0;

        private readonly ORegex[] _regexes;
        private readonly object _sync = new object();
        private IntPtr _set;

        private RegSet(ORegex[] regexes, IntPtr set)
        {
            _regexes = regexes;
            _set = set;
        }

        /// <summary>A set of these regexes, or null when one is invalid (the searcher's loop then throws, as upstream's does) or there are none.</summary>
        public static RegSet Create(IReadOnlyList<ORegex> regexes)
        {
            if (regexes.Count == 0) return null;
            var held = new ORegex[regexes.Count];
            var handles = new IntPtr[regexes.Count];
            for (var i = 0; i < held.Length; i++)
            {
                if (!regexes[i].Valid) return null;
                held[i] = regexes[i];
                handles[i] = regexes[i].Handle;
            }

            IntPtr set;
            int status;
            fixed (IntPtr* first = handles)
                status = OnigInterop.onig_regset_new(&set, handles.Length, first);
            if (status != 0) return null;

            foreach (var regex in held) regex.HeldBySet();
            return new RegSet(held, set);
        }

        public OnigResult Search(ReadOnlySpan<char> text, int offset)
        {
            lock (_sync)
            {
                int index, position;
                fixed (char* chars = text)
                {
                    var start = (byte*)chars;
                    var end = start + text.Length * 2;
                    index = OnigInterop.onig_regset_search(_set, start, end, start + offset * 2, end, PositionLead, OptionNone, &position);
                }
                // ONIG_MISMATCH, or an error (upstream's loop reads no match from a failed onig_search either).
                if (index < 0) return null;

                var native = OnigInterop.onig_regset_get_region(_set, index);
                var count = native->NumRegs;
                if (count <= 0 || native->Beg[0] < 0) return null;

                // As ORegex.SafeSearch reads onigwrap_pos and onigwrap_len: bytes to chars, -1 for a group that took no part.
                var region = new Region(count);
                for (var capture = 0; capture < count; capture++)
                {
                    var beg = native->Beg[capture];
                    var pos = beg < 0 ? beg : beg >> 1;
                    var len = pos == -1 ? 0 : (native->End[capture] - beg) >> 1;
                    region.Start[capture] = pos;
                    region.End[capture] = pos + len;
                }
                return new OnigResult(region, index);
            }
        }

        ~RegSet()
        {
            if (_set == IntPtr.Zero) return;
            // Emptied from the end, so no entry moves; then freeing the set frees no regex.
            for (var at = _regexes.Length - 1; at >= 0; at--)
                OnigInterop.onig_regset_replace(_set, at, IntPtr.Zero);
            OnigInterop.onig_regset_free(_set);
            _set = IntPtr.Zero;
            foreach (var regex in _regexes) regex.ReleasedBySet();
        }
    }
}
