// Onigwrap's own tests (github.com/aikawayataro/Onigwrap, src/Onigwrap.Tests at 4582f9f), ported from NUnit to
// xunit and run against our fork (generator/Vendor/Onigwrap).
using Onigwrap;

namespace RoadmapGen.Tests.OnigwrapUpstream
{
    public class UnicodeCharEscapeTests
    {
        [Fact]
        public void Unicode_Patterns_Of_Len_2_Without_Branches_Should_Be_Escaped()
        {
            Assert.Equal(
                "[\\x{a0}-\\x{F7}]",
                UnicodeCharEscape.AddBracesToUnicodePatterns(
                "[\\xa0-\\xF7]"));
        }

        [Fact]
        public void Unicode_Patterns_Of_Len_3_Without_Branches_Should_Be_Escaped()
        {
            Assert.Equal(
                "[\\x{ABC}-\\x{F77}]",
                UnicodeCharEscape.AddBracesToUnicodePatterns(
                "[\\xABC-\\xF77]"));
        }

        [Fact]
        public void Unicode_Patterns_Of_Len_4_Without_Branches_Should_Be_Escaped3()
        {

            Assert.Equal(
                "[\\x{ABCD}-\\x{F777}]",
                UnicodeCharEscape.AddBracesToUnicodePatterns(
                "[\\xABCD-\\xF777]"));
        }

        [Fact]
        public void Several_Unicode_Patterns_Without_Branches_Should_Be_Escaped()
        {

            Assert.Equal(
                "\\A(?:\\x{EF}\\x{BB}\\x{BF}) ? (? i : (?=\\s* @charset\\b))",
                UnicodeCharEscape.AddBracesToUnicodePatterns(
                "\\A(?:\\xEF\\xBB\\xBF) ? (? i : (?=\\s* @charset\\b))"));
        }

        [Fact]
        public void Unicode_Patterns_Of_Len_7_Without_Branches_Should_Be_Escaped5()
        {

            Assert.Equal(
                "(?i)^\\s*(interface)\\s+([a-z_\\x{7f}-\\x{7ffffff}][a-z0-9_\\x{7f}-\\x{7ffffff}]*)\\s*(extends)?\\s*",
                UnicodeCharEscape.AddBracesToUnicodePatterns(
                "(?i)^\\s*(interface)\\s+([a-z_\\x7f-\\x7ffffff][a-z0-9_\\x7f-\\x7ffffff]*)\\s*(extends)?\\s*"));
        }

        [Fact]
        public void Unicode_Patterns_Of_Len_8_Without_Branches_Should_Be_Escaped5()
        {

            Assert.Equal(
                "(?i)^\\s*(interface)\\s+([a-z_\\x{7f}-\\x{7fffffff}][a-z0-9_\\x{7f}-\\x{7fffffff}]*)\\s*(extends)?\\s*",
                UnicodeCharEscape.AddBracesToUnicodePatterns(
                "(?i)^\\s*(interface)\\s+([a-z_\\x7f-\\x7fffffff][a-z0-9_\\x7f-\\x7fffffff]*)\\s*(extends)?\\s*"));
        }

        [Fact]
        public void Already_Escaped_Unicode_Chars_Should_Not_Be_Escaped_Again()
        {
            Assert.Equal(
                "(?i)^\\s*(interface)\\s+([a-z_\\x{7f}-\\x{7fffffff}][a-z0-9_\\x{7f}-\\x{7fffffff}]*)\\s*(extends)?\\s*",
                UnicodeCharEscape.AddBracesToUnicodePatterns(
                "(?i)^\\s*(interface)\\s+([a-z_\\x{7f}-\\x{7fffffff}][a-z0-9_\\x{7f}-\\x{7fffffff}]*)\\s*(extends)?\\s*"));
        }
    }
}
