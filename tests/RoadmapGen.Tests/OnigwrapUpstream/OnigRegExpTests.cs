// Onigwrap's own tests (github.com/aikawayataro/Onigwrap, src/Onigwrap.Tests at 4582f9f), ported from NUnit to
// xunit and run against our fork (generator/Vendor/Onigwrap).
using Onigwrap;

namespace RoadmapGen.Tests.OnigwrapUpstream
{
    public class OnigRegExpTests
    {
        [Fact]
        public void Basic_Regex_Should_Have_Valid_Location_And_Length()
        {
            OnigRegExp regExp = new OnigRegExp("[A-C]+");

            string str = "abcABC123";
            OnigResult result = regExp.Search(str, 0);

            Assert.Equal(1, result.Count());
            Assert.Equal(3, result.LocationAt(0));
            Assert.Equal(3, result.LengthAt(0));
        }

        [Fact]
        public void UTF8_Regex_Should_Have_Valid_Location_And_Length()
        {
            OnigRegExp regExp = new OnigRegExp("[á]+");

            string str = "00áá00";
            OnigResult result = regExp.Search(str, 0);

            Assert.Equal(1, result.Count());
            Assert.Equal(2, result.LocationAt(0));
            Assert.Equal(2, result.LengthAt(0));
        }

        [Fact]
        public void Unicode_Regex_Should_Have_Valid_Location_And_Length()
        {
            string text = "\"安\"";
            string pattern = "\\\"[^\"]*\\\"";

            OnigRegExp regExp = new OnigRegExp(pattern);

            OnigResult result = regExp.Search(text, 0);

            Assert.Equal(1, result.Count());
            Assert.Equal(0, result.LocationAt(0));
            Assert.Equal(3, result.LengthAt(0));
        }

        [Fact]
        public void Basic_Regex_Should_Have_Valid_Location_And_Length2()
        {
            string text = "string s=\"安\"";
            string pattern = "\\\"[^\"]*\\\"";

            OnigRegExp regExp = new OnigRegExp(pattern);

            OnigResult result = regExp.Search(text, 0);

            Assert.Equal(1, result.Count());
            Assert.Equal(9, result.LocationAt(0));
            Assert.Equal(3, result.LengthAt(0));
        }

        [Fact]
        public void Unicode_Regex_Without_Braces_Should_Be_Valid()
        {
            string pattern = "[\\xa0-\\xF7]";

            ORegex oRegex = new ORegex(pattern);

            Assert.True(oRegex.Valid);
        }

        [Fact]
        public void Unicode_Regex_With_Constraint_Pattern_Should_Be_Valid()
        {
            string pattern = "(?i)^\\s*(interface)\\s+([a-z_\\x{7f}-\\x{7fffffff}][a-z0-9_\\x{7f}-\\x{7fffffff}]*)\\s*(extends)?\\s*";

            ORegex oRegex = new ORegex(pattern);

            Assert.True(oRegex.Valid);
        }

        [Fact]
        public void Unicode_Regex_With_Unicode_Chars_Bigger_Than_2_Bytes_Should_Be_Valid()
        {
            string pattern = "\U0001D11E";

            ORegex oRegex = new ORegex(pattern);

            Assert.True(oRegex.Valid);
        }

        [Fact]
        public void Search_Twice_In_Regex_Should_Regenerate_Location_And_Length()
        {
            OnigRegExp regExp = new OnigRegExp("[A-C]+");

            string str1 = "abcABC123";
            string str2 = "abc123ABC";

            OnigResult result1 = regExp.Search(str1, 0);
            OnigResult result2 = regExp.Search(str2, 0);

            Assert.Equal(1, result1.Count());
            Assert.Equal(3, result1.LocationAt(0));
            Assert.Equal(3, result1.LengthAt(0));

            Assert.Equal(1, result2.Count());
            Assert.Equal(6, result2.LocationAt(0));
            Assert.Equal(3, result2.LengthAt(0));
        }
    }
}
