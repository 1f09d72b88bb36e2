using System;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

using Onigwrap.Internal;

namespace Onigwrap
{
    public class ORegex
    {
        private static object _createRegexSync = new object();

        /// <summary>
        /// RoadmapGen's fork: whether Oniguruma was initialized for UTF-16LE up front, so compiling needs no lock.
        /// </summary>
        /// <remarks>
        /// Upstream compiles under one process-wide lock, added after heap corruption with threads compiling
        /// at once (kkos/oniguruma#249). The unsafe part is Oniguruma's lazy initialization in the first
        /// <c>onig_new</c>: it marks the library initialized before the encoding's built-in callout names
        /// are in their global table, and two threads can both build that table. Once it is done, compiling
        /// only reads global state (Oniguruma's maintainer there: call <c>onig_initialize</c> once, first).
        /// The type initializer runs before any compile, once. If the library's exports cannot be found,
        /// compiles keep the lock.
        /// </remarks>
        internal static readonly bool Initialized = Initialize();

        private IntPtr _regex;
        private IntPtr _region;
        private object _syncObject = new object();
        private string _regexString;
        private int _heldBySets;

        public bool Valid
        {
            get
            {
                return _regex != IntPtr.Zero;
            }
        }

        public ORegex(string pattern, bool ignoreCase = true, bool multiline = false)
        {
            int ignoreCaseArg = ignoreCase ? 1 : 0;
            int multilineArg = multiline ? 1 : 0;

            pattern = UnicodeCharEscape.AddBracesToUnicodePatterns(pattern);
            pattern = UnicodeCharEscape.ConstraintUnicodePatternLength(pattern);

            SharedPatterns.CountCompiled();
            if (Initialized)
                _regex = Compile(pattern, ignoreCaseArg, multilineArg);
            else
                lock (_createRegexSync)
                    _regex = Compile(pattern, ignoreCaseArg, multilineArg);

            if (!Valid)
                _regexString = pattern; // Save the pattern off on invalid patterns for throwing exceptions
        }

        /// <summary>
        /// Performs a thread safe search and returns the results in a list
        /// </summary>
        /// <param name="text">The text to search</param>
        /// <param name="offset">An offset from which to start</param>
        /// <returns></returns>
        public OnigResult SafeSearch(string text, int offset = 0)
        {
            return SafeSearch(text.AsSpan(), offset);
        }

        /// <summary>
        /// Performs a thread safe search and returns the results in a list
        /// </summary>
        /// <param name="text">The text to search</param>
        /// <param name="offset">An offset from which to start</param>
        /// <returns></returns>
        public unsafe OnigResult SafeSearch(ReadOnlySpan<char> text, int offset = 0)
        {
            if (!Valid) throw new ArgumentException($"Invalid regular expression: {_regexString}");

            lock (_syncObject)
            {
                if (_region == IntPtr.Zero)
                    _region = OnigInterop.onigwrap_region_new();

                fixed (char* textPtr = text)
                {
                    OnigInterop.onigwrap_search(
                        _regex,
                        textPtr,
                        Encoding.Unicode.GetByteCount(textPtr, offset),
                        Encoding.Unicode.GetByteCount(textPtr, text.Length),
                        _region);
                }

                var captureCount = OnigInterop.onigwrap_num_regs(_region);

                Region region = null;

                for (var capture = 0; capture < captureCount; capture++)
                {
                    var pos = OnigInterop.onigwrap_pos(_region, capture);
                    if (capture == 0 && pos < 0)
                        return null;

                    int len = pos == -1 ? 0 : OnigInterop.onigwrap_len(_region, capture);

                    if (region == null)
                        region = new Region(captureCount);

                    region.Start[capture] = pos;
                    region.End[capture] = pos + len;
                }

                return new OnigResult(region, -1);
            }
        }

        private static unsafe IntPtr Compile(string pattern, int ignoreCase, int multiline)
        {
            fixed (char* patternPtr = pattern)
                return OnigInterop.onigwrap_create(patternPtr, Encoding.Unicode.GetByteCount(patternPtr, pattern.Length), ignoreCase, multiline);
        }

        private static unsafe bool Initialize()
        {
            try
            {
                var library = NativeLibrary.Load("libonigwrap", typeof(ORegex).Assembly, null);
                var encodings = stackalloc IntPtr[1];
                encodings[0] = NativeLibrary.GetExport(library, "OnigEncodingUTF16_LE"); // the encoding itself, a data export
                return OnigInterop.onig_initialize(encodings, 1) == 0;
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException || e is BadImageFormatException)
            {
                return false;
            }
        }

        // RoadmapGen's fork: the compiled regex, for the regsets that search it (RegSet.cs).
        internal IntPtr Handle => _regex;

        internal void HeldBySet() => Interlocked.Increment(ref _heldBySets);

        internal void ReleasedBySet() => Interlocked.Decrement(ref _heldBySets);

        ~ORegex()
        {
            // A regset still holding this regex reads it when it is emptied: wait for the next collection.
            if (Volatile.Read(ref _heldBySets) > 0)
            {
                GC.ReRegisterForFinalize(this);
                return;
            }

            if (_region != IntPtr.Zero)
                OnigInterop.onigwrap_region_free(_region);

            if (_regex != IntPtr.Zero)
                OnigInterop.onigwrap_free(_regex);
        }
    }
}
