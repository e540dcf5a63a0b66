using Remic.Collateral;
using Remic.Collateral.PrepayModel;
using Remic.Core;

namespace Remic.Rates.Tests;

public class PrepayModelTests
{
    private static readonly PpcRamp Ramp = PpcRamp.CwaltFixed;
    private static double Cpr(RateCurve c, int age, int month) => RateCurve.MonthlyToAnnual(c.Monthly(age, month)) * 100;

    [Fact]
    public void CPR_rises_monotonically_with_incentive()
    {
        var p = new PrepayModelParameters();
        var prev = -1.0;
        for (var incentive = -2.0; incentive <= 4; incentive += 0.05)
        {
            var model = new RateDrivenPrepay(p, Ramp, [6.0], 6.0 + incentive);
            var cpr = Cpr(model, 40, 1);
            Assert.True(cpr >= prev - 1e-12, $"incentive {incentive:0.00}: {cpr} after {prev}");
            if (incentive > 0.05) Assert.True(cpr > prev, $"strictly rising above zero incentive, at {incentive:0.00}");
            prev = cpr;
        }
        Assert.Equal(0, RateDrivenPrepay.SCurve(p, 0));
        Assert.True(RateDrivenPrepay.SCurve(p, 10) > 0.99 * p.RefiMaxCpr);
    }

    [Fact]
    public void Burnout_lowers_the_later_response_to_the_same_incentive()
    {
        var p = new PrepayModelParameters();
        // Path A: rates fall at month 36. Path B: the same incentive from the start: by month 40 it has burnt out.
        var fresh = new RateDrivenPrepay(p, Ramp, Enumerable.Range(0, 60).Select(k => k < 36 ? 7.0 : 5.5).ToArray(), 7.0);
        var burnt = new RateDrivenPrepay(p, Ramp, [5.5], 7.0);
        Assert.True(burnt.Refi(40) < fresh.Refi(40) * 0.7, $"burnt {burnt.Refi(40)} vs fresh {fresh.Refi(40)}");
        Assert.Equal(fresh.Turnover(50, 40), burnt.Turnover(50, 40));
        // The multiplier: exp(−0.02 × 1.5 × 39) = 0.31 ≥ the 0.3 floor.
        Assert.Equal(RateDrivenPrepay.SCurve(p, 1.5) * Math.Exp(-0.02 * 1.5 * 39), burnt.Refi(40), 10);
    }

    [Fact]
    public void At_zero_incentive_the_seasoning_ramp_is_the_PPC_ramp()
    {
        var flat = Enumerable.Repeat(1.0, 12).ToArray();
        var p = new PrepayModelParameters { Seasonality = flat, CurtailmentCpr = 0 };
        var model = new RateDrivenPrepay(p, Ramp, [6.0], 6.0);
        var ppc = new Ppc(100, Ramp);
        for (var age = 1; age <= 40; age++) Assert.Equal(ppc.Monthly(age, 1), model.Monthly(age, age), 14);
        // With the deal's own ramp (a 6 → 18 CPR ramp over 24 months) and no ramp in the file.
        var other = new PpcRamp(6, 18, 24);
        var m2 = new RateDrivenPrepay(p, other, [6.0], 5.0);
        Assert.Equal(new Ppc(100, other).Monthly(10, 1), m2.Monthly(10, 3), 14);
    }

    [Fact]
    public void Seasonality_averages_to_one_over_any_year()
    {
        var p = new PrepayModelParameters { CurtailmentCpr = 0 };
        Assert.Equal(1, PrepayModelParameters.DefaultSeasonality.Average(), 14);
        var model = new RateDrivenPrepay(p with { FirstCalendarMonth = 5 }, Ramp, [6.0], 6.0);
        for (var start = 1; start <= 12; start++)
            Assert.Equal(20, Enumerable.Range(start, 12).Average(m => model.Turnover(60, m)), 12);
        // Projection month 1 of a May start is May: the May multiplier.
        Assert.Equal(20 * 1.08, model.Turnover(60, 1), 12);
    }

    [Fact]
    public void Model_file_reads_every_key_and_reports_bad_ones_with_line_and_key()
    {
        var p = PrepayModelFile.Parse("""
            turnover_multiple: 1.2
            ramp: { start_cpr: 6, plateau_cpr: 18, months_to_plateau: 24 }
            refi_max_cpr: 60
            burnout_rate: 0.01
            mortgage_spread: 1.5
            ten_year_rate: 4.5
            """, "m.yaml");
        Assert.Equal(1.2, p.TurnoverMultiple);
        Assert.Equal(new PpcRamp(6, 18, 24), p.Ramp);
        Assert.Equal(60, p.RefiMaxCpr);
        Assert.Equal(0.3, p.BurnoutFloor); // a default
        Assert.Equal(new PrepayModelParameters(), PrepayModelFile.Parse("", "empty.yaml"));
        var e = Assert.Throws<RemicInputException>(() => PrepayModelFile.Parse("refi_max_cpr: 45\nrefi_maximum: 3\nburnout_floor: 2\nseasonality: [1, 1]\n", "m.yaml"));
        Assert.Equal(3, e.Errors.Count);
        Assert.Equal(("m.yaml", 2, "refi_maximum"), (e.Errors[0].Source, e.Errors[0].Line, e.Errors[0].Field));
        Assert.Equal(("m.yaml", 3, "burnout_floor", "a number from 0 to 1"), (e.Errors[1].Source, e.Errors[1].Line, e.Errors[1].Field, e.Errors[1].Expected));
        Assert.Contains("twelve", e.Errors[2].Expected);
    }

    [Fact]
    public void The_speed_grammar_accepts_model_files_and_projects_each_group_at_its_own_rate()
    {
        var file = Path.Combine(Path.GetTempPath(), $"remic-model-{Environment.ProcessId}.yaml");
        File.WriteAllText(file, "curtailment_cpr: 0\nseasonality: [1,1,1,1,1,1,1,1,1,1,1,1]\nten_year_rate: 4.0\nmortgage_spread: 1.5\n");
        try
        {
            var speed = Speed.Prepay("model:" + file, Ramp);
            Assert.IsType<RateDrivenPrepay>(speed.Curve);
            Assert.Equal("model:" + file, speed.Text);
            // Two groups: one at the mortgage rate (5.5%: turnover only, = 100 PPC), one at 7.5% (2 points of incentive).
            Loan L(string g, double rate) => new() { Group = g, Balance = 1_000_000, GrossRate = rate, OriginalTerm = 360, RemainingTerm = 360 };
            var pool = new LoanPool([L("1", 0.055), L("2", 0.075)]);
            var model = Projector.Project(pool, new Scenario { Prepay = speed, Months = 24 });
            var ppc = Projector.Project(new LoanPool([L("1", 0.055)]), new Scenario { Prepay = Speed.Prepay("100 PPC", Ramp), Months = 24 });
            Assert.Equal(ppc.Groups[0].Prepayment[12], model.Groups[0].Prepayment[12], 6);
            double Smm(int g) => model.Groups[g].Prepayment[12] / (model.Groups[g].BeginBalance[12] - model.Groups[g].ScheduledPrincipal[12]);
            Assert.True(Smm(1) > 2 * Smm(0), $"SMM {Smm(1)} vs {Smm(0)}");
        }
        finally { File.Delete(file); }
        var e = Assert.Throws<RemicInputException>(() => Speed.Prepay("model:/no/such/model.yaml"));
        Assert.Contains("an existing prepayment model file", e.Errors[0].Expected);
        e = Assert.Throws<RemicInputException>(() => Speed.Default("model:x.yaml"));
        Assert.Contains("prepayments only", e.Errors[0].Expected);
    }
}
