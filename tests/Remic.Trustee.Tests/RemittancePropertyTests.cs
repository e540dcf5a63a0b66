using CsCheck;
using Remic.Core;
using Remic.Trustee.Remittance;
using static Remic.Trustee.Tests.Support.TestDeal;

namespace Remic.Trustee.Tests;

/// <summary>Properties of parse + validate over generated months (pure: no database).</summary>
public sealed class RemittancePropertyTests
{
    private static readonly Dictionary<string, LoanPosition> Positions = Enumerable.Range(1, 40)
        .ToDictionary(i => $"L{i:D6}", i => new LoanPosition(i % 2 == 0 ? "2" : "1", 10_000m + i * 1_234.56m));
    private static readonly Dictionary<string, decimal> Rates = Positions.Keys.ToDictionary(k => k, _ => 0.065m);

    [Fact]
    public void Generated_months_always_validate()
    {
        Gen.Int[0, 100_000].Sample(seed =>
        {
            var file = SyntheticMonth(First, Positions, Rates, seed);
            var (rows, errors) = RemittanceCsv.Parse("m.csv", file);
            Assert.Empty(errors);
            Assert.Empty(RemittanceValidator.Validate("m.csv", First, rows, Positions));
        }, iter: 200);
    }

    [Fact]
    public void One_cent_off_on_any_ending_balance_is_exactly_one_roll_forward_error_on_that_line()
    {
        Gen.Select(Gen.Int[0, 100_000], Gen.Int[0, 39], Gen.Bool.Select(up => up ? 0.01m : -0.01m)).Sample((seed, rowIndex, delta) =>
        {
            var lines = SyntheticMonth(First, Positions, Rates, seed).TrimEnd('\n').Split('\n');
            var f = lines[rowIndex + 1].Split(',');
            var ending = decimal.Parse(f[13], System.Globalization.CultureInfo.InvariantCulture);
            if (ending + delta < 0) return; // a negative amount is a format error, tested elsewhere
            f[13] = F(ending + delta);
            lines[rowIndex + 1] = string.Join(",", f);

            var (rows, errors) = RemittanceCsv.Parse("m.csv", string.Join("\n", lines));
            Assert.Empty(errors);
            var problems = RemittanceValidator.Validate("m.csv", First, rows, Positions);
            var roll = Assert.Single(problems, p => p.Field == "ending_balance" && p.Expected.StartsWith("prior balance"));
            Assert.Equal(rowIndex + 2, roll.Line);
        }, iter: 200);
    }
}
