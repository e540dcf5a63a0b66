using Remic.Analytics;

namespace Remic.Analytics.Tests;

public class RootFinderTests
{
    [Fact]
    public void Brent_solves_a_transcendental_equation()
    {
        // cos x = x has its root at the Dottie number 0.7390851332151607.
        Assert.Equal(0.7390851332151607, RootFinder.Brent(x => Math.Cos(x) - x, 0, 1), 1e-15);
    }

    [Fact]
    public void Bracket_widens_until_the_sign_changes_and_gives_up_at_the_limits()
    {
        double lo = 0, hi = 1;
        Assert.True(RootFinder.Bracket(x => x - 37.5, ref lo, ref hi, -100, 100));
        Assert.True(lo <= 37.5 && 37.5 <= hi);
        double a = 0, b = 1;
        Assert.False(RootFinder.Bracket(x => x * x + 1, ref a, ref b, -10, 10));
    }

    [Theory]
    [InlineData(1.0)]      // a yield in the hundreds of percent
    [InlineData(5.0)]
    [InlineData(400.0)]    // a negative yield
    public void Extreme_prices_still_round_trip(double price)
    {
        var f = new SettledFlows(PeerYieldTests.PeerFlows(), new DateOnly(2005, 2, 28));
        var y = BondAnalytics.Yield(f, price);
        Assert.Equal(price, BondAnalytics.Price(f, y), 1e-9 * Math.Max(price, 1));
    }
}
