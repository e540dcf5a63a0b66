using CsCheck;
using Remic.Core;

namespace Remic.Analytics.Tests;

/// <summary>The price grammar (issue 18, items 10, 11): any text is a price from 0 to 1,000 or a refusal, never an overflow.</summary>
[Trait("Category", "Fuzz")]
public class PriceFuzzTests
{
    private static Gen<string> Any(params string[] xs) => Gen.Int[0, xs.Length - 1].Select(i => xs[i]);

    [Fact]
    public void Prices_parse_within_0_to_1000_or_are_refused() =>
        Gen.OneOf(Gen.String[Gen.Char["0123456789-+.e "], 0, 35], Any("NaN", "Infinity", "1e400", new string('9', 29), new string('9', 400), "1001-00", "999-31+", "99-32"))
            .Sample(text =>
            {
                var e = Record.Exception(() => { Price32.Parse(text, "--prices"); });
                if (e is null) Assert.InRange(Price32.Parse(text, "--prices").Value, 0m, Domains.MaxPrice);
                else Assert.IsType<RemicInputException>(e);
            }, iter: 4000);

    [Theory]
    [InlineData("99999999999999999999999999999")]   // 29 digits: once an OverflowException further on
    [InlineData("1001-00")]
    [InlineData("99999999999999999999-00")]
    public void Regression_prices_are_refused(string text) => Assert.Throws<RemicInputException>(() => Price32.Parse(text, "--prices"));
}
