using System;
using System.Runtime.InteropServices;

namespace Onigwrap.Internal
{
    internal static unsafe class OnigInterop
    {
        private const string ONIGWRAP = "libonigwrap";
        private const CharSet charSet = CharSet.Unicode;
        private const CallingConvention convention = CallingConvention.Cdecl;

        [DllImport(ONIGWRAP, CharSet = charSet, CallingConvention = convention)]
        public static extern IntPtr onigwrap_create(char* pattern, int len, int ignoreCase, int multiline);

        [DllImport(ONIGWRAP, CharSet = charSet, CallingConvention = convention)]
        public static extern IntPtr onigwrap_region_new();

        [DllImport(ONIGWRAP, CharSet = charSet, CallingConvention = convention)]
        public static extern void onigwrap_region_free(IntPtr region);

        [DllImport(ONIGWRAP, CharSet = charSet, CallingConvention = convention)]
        public static extern void onigwrap_free(IntPtr regex);

        [DllImport(ONIGWRAP, CharSet = charSet, CallingConvention = convention)]
        public static extern int onigwrap_search(IntPtr regex, char* text, int offset, int length, IntPtr region);

        [DllImport(ONIGWRAP, CharSet = charSet, CallingConvention = convention)]
        public static extern int onigwrap_num_regs(IntPtr region);

        [DllImport(ONIGWRAP, CharSet = charSet, CallingConvention = convention)]
        public static extern int onigwrap_pos(IntPtr region, int nth);

        [DllImport(ONIGWRAP, CharSet = charSet, CallingConvention = convention)]
        public static extern int onigwrap_len(IntPtr region, int nth);

        // RoadmapGen's fork: Oniguruma's own regset API, which libonigwrap exports too (RegSet.cs).

        [DllImport(ONIGWRAP, CallingConvention = convention)]
        public static extern int onig_initialize(IntPtr* encodings, int n);

        [DllImport(ONIGWRAP, CallingConvention = convention)]
        public static extern int onig_regset_new(IntPtr* set, int n, IntPtr* regexes);

        [DllImport(ONIGWRAP, CallingConvention = convention)]
        public static extern int onig_regset_replace(IntPtr set, int at, IntPtr regex);

        [DllImport(ONIGWRAP, CallingConvention = convention)]
        public static extern void onig_regset_free(IntPtr set);

        [DllImport(ONIGWRAP, CallingConvention = convention)]
        public static extern int onig_regset_search(IntPtr set, byte* str, byte* end, byte* start, byte* range, int lead, uint option, int* matchPosition);

        [DllImport(ONIGWRAP, CallingConvention = convention)]
        public static extern OnigRegion* onig_regset_get_region(IntPtr set, int at);
    }

    /// <summary>Oniguruma's <c>OnigRegion</c> (<c>struct re_registers</c>), read in place.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct OnigRegion
    {
        public int Allocated;
        public int NumRegs;
        public int* Beg;
        public int* End;
        public IntPtr HistoryRoot;
    }
}
