// Onigwrap's own tests (github.com/aikawayataro/Onigwrap, src/Onigwrap.Tests at 4582f9f), ported from NUnit to
// xunit and run against our fork (generator/Vendor/Onigwrap).
using Onigwrap;

namespace RoadmapGen.Tests.OnigwrapUpstream
{
    public class OnigSearcherTests
    {
        [Fact]
        public void Onig_Searcher_With_No_Matches_Should_Null_Result()
        {
            string regexp = "whatever";
            OnigSearcher searcher = new OnigSearcher(new[] { regexp });

            string text = "other";

            Assert.Null(searcher.Search(text, 0));
        }

        [Fact]
        public void Onig_Searcher_Should_Return_Valid_Result()
        {
            string regexp = "[鬼]";
            OnigSearcher searcher = new OnigSearcher(new[] { regexp });

            string text = "鬼AAA";

            // finds a double-byte match at location 0
            OnigResult result = searcher.Search(text, 0);

            Assert.NotNull(result);
            Assert.Equal(1, result.Count());
            Assert.Equal(0, result.LocationAt(0));
            Assert.Equal(1, result.LengthAt(0));

            // start searching at index 1, it should find a match
            result = searcher.Search(text, 1);

            Assert.Null(result);
        }
    }
}
