using Remic.Core;

namespace Remic.Collateral.Tests;

public class SpeedTests
{
    private static double Smm(double cprPercent) => 1 - Math.Pow(1 - cprPercent / 100, 1.0 / 12);

    [Fact]
    public void Psa_ramps_point_two_percent_a_month_to_six_percent_at_age_30()
    {
        var s = Speed.Prepay("100 PSA");
        Assert.Equal("100 PSA", s.ToString());
        Assert.Equal(Smm(0.2), s.Curve.Monthly(1, 1), 15);
        Assert.Equal(Smm(3.0), s.Curve.Monthly(15, 1), 15);
        Assert.Equal(Smm(6.0), s.Curve.Monthly(30, 1), 15);
        Assert.Equal(Smm(6.0), s.Curve.Monthly(200, 1), 15);
        Assert.Equal(Smm(9.0), Speed.Prepay("150 PSA").Curve.Monthly(40, 1), 15);
    }

    [Fact]
    public void Cpr_is_constant_and_converts_to_smm()
    {
        var s = Speed.Prepay("25 CPR");
        Assert.Equal(0.023688, s.Curve.Monthly(1, 1), 6); // 1 − 0.75^(1/12)
        Assert.Equal(s.Curve.Monthly(1, 1), s.Curve.Monthly(300, 200));
    }

    [Fact]
    public void Ppc_scales_the_deal_ramp()
    {
        var s = Speed.Prepay("150 PPC", new PpcRamp(8, 20, 12));
        Assert.Equal(Smm(12), s.Curve.Monthly(1, 1), 15);
        Assert.Equal(Smm(1.5 * (8 + 12.0 * 5 / 11)), s.Curve.Monthly(6, 1), 15);
        Assert.Equal(Smm(30), s.Curve.Monthly(12, 1), 15);
        Assert.Equal(Smm(30), s.Curve.Monthly(100, 1), 15);
    }

    [Fact]
    public void Vector_with_for_and_then_switches_after_n_months()
    {
        var s = Speed.Prepay("5 CPR for 12, then 20 CPR");
        Assert.Equal(Smm(5), s.Curve.Monthly(50, 1), 15);
        Assert.Equal(Smm(5), s.Curve.Monthly(50, 12), 15);
        Assert.Equal(Smm(20), s.Curve.Monthly(50, 13), 15);
        Assert.Equal(Smm(20), s.Curve.Monthly(50, 300), 15);
    }

    [Fact]
    public void Comma_list_is_one_month_each_and_the_last_holds()
    {
        var s = Speed.Prepay("4, 6, 8 CPR");
        Assert.Equal(Smm(4), s.Curve.Monthly(1, 1), 15);
        Assert.Equal(Smm(6), s.Curve.Monthly(2, 2), 15);
        Assert.Equal(Smm(8), s.Curve.Monthly(3, 3), 15);
        Assert.Equal(Smm(8), s.Curve.Monthly(99, 99), 15);
    }

    [Fact]
    public void Sda_and_cdr_defaults()
    {
        Assert.Equal(Smm(0.02), Speed.Default("100 SDA").Curve.Monthly(1, 1), 15);
        Assert.Equal(Smm(0.6), Speed.Default("100 SDA").Curve.Monthly(45, 1), 15);
        Assert.Equal(Smm(0.6 - 0.0095 * 30), Speed.Default("100 SDA").Curve.Monthly(90, 1), 15);
        Assert.Equal(Smm(0.03), Speed.Default("100 SDA").Curve.Monthly(150, 1), 15);
        Assert.Equal(Smm(2), Speed.Default("2 CDR").Curve.Monthly(7, 7), 15);
        Assert.Equal(0.001, Speed.Default("0.1 MDR").Curve.Monthly(7, 7), 15);
    }

    [Fact]
    public void Ppc_ramp_parses_and_rejects()
    {
        Assert.Equal(new PpcRamp(8, 20, 12), PpcRamp.Parse("8,20,12"));
        var e = Assert.Throws<RemicInputException>(() => PpcRamp.Parse("8,20"));
        Assert.Equal("--ppc-ramp: got '8,20'; expected 'start CPR, plateau CPR, months to plateau', e.g. '8,20,12'", e.Message);
    }

    private const string PrepayTail = "expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)";

    [Theory]
    [InlineData("", "--prepay: got ''; the speed is empty; " + PrepayTail)]
    [InlineData("fast", "--prepay: got 'fast'; cannot read this part of the speed; " + PrepayTail)]
    [InlineData("-5 CPR", "--prepay: got '-5 CPR'; a speed cannot be negative; " + PrepayTail)]
    [InlineData("120 CPR", "--prepay: got '120 CPR'; a CPR/SMM/CDR/MDR above 100% is impossible; " + PrepayTail)]
    [InlineData("100 SDA", "--prepay: got 'SDA'; 'SDA' is not a prepayment unit; " + PrepayTail)]
    [InlineData("25", "--prepay: got '25'; the speed has no unit; " + PrepayTail)]
    [InlineData("5 CPR for 0, then 20 CPR", "--prepay: got '5 CPR for 0'; 'for N' needs N ≥ 1; " + PrepayTail)]
    [InlineData("5 CPR; 20 CPR", "--prepay: got '5 CPR; 20 CPR'; cannot read this part of the speed; " + PrepayTail)]
    public void Bad_prepayment_speeds_get_exact_errors(string text, string message)
    {
        var e = Assert.Throws<RemicInputException>(() => Speed.Prepay(text));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_prepayment_unit_is_not_a_default_speed()
    {
        var e = Assert.Throws<RemicInputException>(() => Speed.Default("100 PSA"));
        Assert.Equal("--default: got 'PSA'; 'PSA' is not a default unit; expected a default speed such as '100 SDA', '2 CDR' or '0.1 MDR' (units CDR, MDR or SDA)", e.Message);
    }

    [Fact]
    public void The_listed_units_are_the_ones_each_kind_accepts()
    {
        foreach (var (units, other, kind) in new[] { (Speed.PrepayUnits, Speed.DefaultUnits, SpeedKind.Prepayment), (Speed.DefaultUnits, Speed.PrepayUnits, SpeedKind.Default) })
        {
            Speed Parse(string t) => kind == SpeedKind.Prepayment ? Speed.Prepay(t) : Speed.Default(t);
            foreach (var u in units)
            {
                Assert.Equal(kind, Parse($"1 {u}").Kind);
                Assert.Equal(kind, Parse($"1 {u.ToLowerInvariant()}").Kind);
            }
            foreach (var u in other) Assert.Throws<RemicInputException>(() => Parse($"1 {u}"));
            foreach (var word in new[] { "PCT", "ABS", "HEP", "CPY", "MHP", "PPV" }) Assert.Throws<RemicInputException>(() => Parse($"1 {word}"));
        }
    }
}
