using System.Diagnostics;
using System.Text;
using CsCheck;
using Remic.Collateral.Tape;
using Remic.Core;

namespace Remic.Collateral.Tests;

/// <summary>
/// The speed and PPC-ramp grammars and the tape's fields (issue 18): random and mutated text ends in a value within its
/// stated domain or in <see cref="RemicInputException"/>, never an overflow, NaN or ∞, each within a time bound.
/// </summary>
[Trait("Category", "Fuzz")]
public class GrammarFuzzTests
{
    private static Gen<string> Any(params string[] xs) => Gen.Int[0, xs.Length - 1].Select(i => xs[i]);

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static readonly Gen<string> SpeedText = Gen.OneOf(
        Gen.String[Gen.Char["0123456789., %CPRSMAD forthen"], 0, 60],
        Gen.Select(Any("5", "0", "100", "1e5", "NaN", "Infinity", new string('9', 400), "99999999999", "-3", "2147483648"),
            Any("CPR", "SMM", "PSA", "PPC", "CDR", "MDR", "SDA", ""),
            Any("", " for 12", " for 99999999999", " for 0", " for 1201", ", then 20 CPR", ", 6, 8"))
            .Select((v, u, tail) => $"{v} {u}{tail}"));

    [Fact]
    public void Speeds_parse_to_finite_rates_or_are_refused() => SpeedText.Sample(text =>
    {
        var sw = Stopwatch.StartNew();
        foreach (var kind in new[] { SpeedKind.Prepayment, SpeedKind.Default })
        {
            try
            {
                var s = Speed.Parse(text, kind, PpcRamp.CwaltFixed, "--prepay");
                var row = s.Curve.Materialise(0, Domains.MaxVectorMonths);
                Assert.All(row, smm => Assert.True(double.IsFinite(smm) && smm >= 0 && smm <= 1, $"{text}: SMM {smm}"));
            }
            catch (RemicInputException e) { Assert.NotEmpty(e.Errors); }
        }
        Assert.True(sw.Elapsed < Bound, $"{text} took {sw.Elapsed}");
    }, iter: 2000);

    [Fact]
    public void Ppc_ramps_parse_within_their_domain_or_are_refused() =>
        Gen.String[Gen.Char["0123456789,.e-NaInfity "], 0, 30].Sample(text =>
        {
            try
            {
                var r = PpcRamp.Parse(text);
                Assert.InRange(r.StartCpr, 0, 100);
                Assert.InRange(r.PlateauCpr, 0, 100);
                Assert.InRange(r.MonthsToPlateau, 1, Domains.MaxTermMonths);
            }
            catch (RemicInputException) { }
        }, iter: 2000);

    /// <summary>Inputs that once threw OverflowException or became +∞ (issue 18 items 10, 16).</summary>
    [Theory]
    [InlineData("5 CPR for 99999999999, then 20 CPR")]
    [InlineData("5 CPR for 1201, then 20 CPR")]
    [InlineData("10001 PSA")]
    [InlineData("999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999 PSA")]
    public void Regression_speeds_are_refused(string text) =>
        Assert.Throws<RemicInputException>(() => Speed.Prepay(text));

    private static readonly string[] HostileFields =
        ["NaN", "Infinity", "1e400", "-1", "0", "99999999999", "99999999999999999999999999999", "100000000000000", "2147483648", "\u001b[2J", "=1+2", "'=1", ""];

    [Fact]
    public void A_tape_field_swapped_for_a_hostile_value_is_read_or_refused()
    {
        var good = SyntheticTape.Csv(5).Split('\n');
        var header = Array.FindIndex(good, l => l.StartsWith("loan_id", StringComparison.Ordinal));
        Gen.Select(Gen.Int[header + 1, good.Length - 2], Gen.Int[0, 30], Gen.Int[0, HostileFields.Length - 1]).Sample((row, col, h) =>
        {
            var lines = (string[])good.Clone();
            var cells = lines[row].Split(',');
            cells[col % cells.Length] = HostileFields[h];
            lines[row] = string.Join(',', cells);
            try
            {
                var loans = TapeReader.Read(Encoding.UTF8.GetBytes(string.Join('\n', lines)), "fuzz.csv");
                Assert.All(loans, l => Assert.True(l.Balance > 0 && l.Balance <= (double)Domains.MaxBalance && double.IsFinite(l.GrossRate)));
                Assert.All(loans, l => Assert.Equal(-1, InputText.FirstHidden(l.Id)));
            }
            catch (RemicInputException e) { Assert.NotEmpty(e.Errors); }
        }, iter: 1000);
    }
}
