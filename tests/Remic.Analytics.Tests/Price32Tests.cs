using Remic.Analytics;
using Remic.Core;

namespace Remic.Analytics.Tests;

public class Price32Tests
{
    [Theory]
    [InlineData("99-16", 99.5)]
    [InlineData("99-16+", 99.515625)]       // 99 + 16.5/32
    [InlineData("99-162", 99.5078125)]      // 99 + 16.25/32: the third digit counts eighths of a 32nd
    [InlineData("99-164", 99.515625)]       // four eighths is the "+"
    [InlineData("99-167", 99.52734375)]     // 99 + 16.875/32
    [InlineData("90-00", 90.0)]
    [InlineData("101-31+", 101.984375)]
    [InlineData("0-00", 0.0)]
    [InlineData("99.5", 99.5)]
    [InlineData(" 100 ", 100.0)]
    [InlineData("99.123", 99.123)]
    public void Parses(string text, double expected) => Assert.Equal((decimal)expected, Price32.Parse(text).Value);

    [Theory]
    [InlineData(99.5, "99-16")]
    [InlineData(99.515625, "99-16+")]
    [InlineData(99.5078125, "99-162")]
    [InlineData(90.0, "90-00")]
    [InlineData(99.123, "99.123")]            // off the 1/256 grid: printed as a decimal
    public void Formats(double value, string expected) => Assert.Equal(expected, new Price32((decimal)value).ToString());

    [Fact]
    public void Every_256th_from_0_to_200_round_trips()
    {
        for (var ticks = 0; ticks <= 200 * 256; ticks++)
        {
            var p = new Price32(ticks / 256m);
            var text = p.ToString();
            Assert.Equal(p, Price32.Parse(text));
            Assert.Equal(p, Price32.Parse(p.ToDecimalString()));
        }
    }

    private const string Expected =
        "expected a price in percent of face as points-32nds ('99-16', '99-16+', '99-162': a third digit counts eighths of a 32nd) or a decimal ('99.5')";

    [Theory]
    [InlineData("99-32", "--price: got '99-32'; 32 is not a number of 32nds (00 to 31); " + Expected)]
    [InlineData("99-1", "--price: got '99-1'; the 32nds need two digits, 00 to 31; " + Expected)]
    [InlineData("99-168", "--price: got '99-168'; '8' after the 32nds must be '+' or a digit 0 to 7 (eighths of a 32nd); " + Expected)]
    [InlineData("99-16++", "--price: got '99-16++'; too many characters after the 32nds; " + Expected)]
    [InlineData("-99", "--price: got '-99'; a price cannot be negative; " + Expected)]
    [InlineData("", "--price: got ''; the price is empty; " + Expected)]
    [InlineData("par", "--price: got 'par'; " + Expected)]
    [InlineData("99,5", "--price: got '99,5'; " + Expected)]
    [InlineData("x-16", "--price: got 'x-16'; " + Expected)]
    public void Bad_text_is_rejected_with_a_clear_message(string text, string message)
    {
        var e = Assert.Throws<RemicInputException>(() => Price32.Parse(text));
        Assert.Equal(message, e.Message);
    }
}
