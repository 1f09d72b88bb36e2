using System;
using System.Runtime.InteropServices;

namespace Onigwrap
{
    public class OnigRegExp
    {
        private ReadOnlyMemory<char> _lastSearchString;
        private int _lastSearchPosition;
        private OnigResult _lastSearchResult;
        private ORegex _regex;

        public OnigRegExp(string source)
        {
            _lastSearchString = ReadOnlyMemory<char>.Empty;
            _lastSearchPosition = -1;
            _lastSearchResult = null;

            _regex = SharedPatterns.Regex(source, false, false);
        }

        // RoadmapGen's fork: the compiled regex, for the searcher's regset (RegSet.cs).
        internal ORegex Regex => _regex;

        public OnigResult Search(string str, int position)
        {
            return Search(str.AsMemory(), position);
        }

        public OnigResult Search(ReadOnlyMemory<char> str, in int position)
        {
            if (MemoryMarshal.TryGetString(str, out _, out _, out _) && _lastSearchString.Equals(str) &&
                _lastSearchPosition <= position &&
                (_lastSearchResult == null || _lastSearchResult.LocationAt(0) >= position))
            {
                return _lastSearchResult;
            }

            _lastSearchString = str;
            _lastSearchPosition = position;
            _lastSearchResult = GetOnigResult(str, position);
            return _lastSearchResult;
        }

        private OnigResult GetOnigResult(ReadOnlyMemory<char> data, in int position)
        {
            return _regex.SafeSearch(data.Span, position);
        }
    }
}
