namespace Remic.Analytics.Tests;

/// <summary>
/// The CM breakeven rule (issue 12 item 3): a class breaks at the first CDR where its writedown exceeds the materiality
/// (0.01% of the original balance) or its yield at par falls more than 1 bp below its no-default yield. Every case is a
/// hand-written outcome function whose answer can be read off it.
/// </summary>
public class BreakevenRuleTests
{
    private static LossOutcome Clean(double cdr) => new(0, 0.055);

    [Fact]
    public void Tail_dust_below_the_materiality_is_not_a_loss()
    {
        // 0.001% of the balance written down at every CDR (a few dollars after month 359), a real loss from 3.004 CDR on.
        var r = LossSensitivity.BreakevenCdr(cdr => new LossOutcome(0.001 + Math.Max(0, cdr - 3.004) * 10, 0.055), BreakevenRule.Default);
        Assert.Equal((3.00, BreakevenStatus.Found, BreakCause.Writedown), (r.Cdr, r.Status, r.Cause));
        Assert.Equal(0.001 + 0.006 * 10, r.WritedownAbove!.Value, 9); // at 3.01: 0.061% > 0.01%
        // The old "any half cent" rule on dollars called the same class a loss at 0 CDR.
        Assert.Equal(BreakevenStatus.LossAtZero, LossSensitivity.BreakevenCdr(_ => 50.0).Status);
    }

    [Fact]
    public void A_writedown_exactly_at_the_materiality_does_not_break_one_above_it_does()
    {
        var rule = new BreakevenRule(MaterialityPercent: 0.05);
        Assert.Equal(BreakCause.None, rule.Test(new LossOutcome(0.05, 0.05), 0.05));
        Assert.Equal(BreakCause.Writedown, rule.Test(new LossOutcome(0.0500001, 0.05), 0.05));
    }

    [Fact]
    public void A_yield_that_falls_more_than_1_bp_breaks_even_without_a_writedown()
    {
        // No principal loss ever; the yield at par loses 0.5 bp per CDR point (unpaid interest shortfalls): 1 bp at 2 CDR,
        // so 2.00 is still within 1 bp and 2.01 is not.
        var r = LossSensitivity.BreakevenCdr(cdr => new LossOutcome(0, 0.055 - cdr * 0.00005), BreakevenRule.Default);
        Assert.Equal((2.00, BreakCause.Yield), (r.Cdr, r.Cause));
        Assert.Equal(BreakCause.Yield, BreakevenRule.Default.Test(new LossOutcome(0, double.NaN), 0.055));
        Assert.Equal(BreakCause.None, BreakevenRule.Default.Test(new LossOutcome(0, double.NaN), double.NaN));
    }

    [Fact]
    public void The_first_break_counts_even_when_higher_CDRs_do_not_break()
    {
        // Breaks only between 1.10 and 1.30 CDR (a step-down that passes at low CDRs), and again above 6 CDR:
        // a bisection of [0, 100] would never see the window; the upward scan (1.00 clean, 1.25 broken) does.
        LossOutcome F(double cdr) => new(cdr is >= 1.10 and <= 1.30 || cdr > 6 ? 1 : 0, 0.055);
        var r = LossSensitivity.BreakevenCdr(F, BreakevenRule.Default);
        Assert.Equal((1.09, BreakevenStatus.Found), (r.Cdr, r.Status));
    }

    [Fact]
    public void The_loss_tables_CDRs_are_always_checked_so_a_window_between_scan_steps_is_not_missed()
    {
        // Breaks only at 2.60–2.70 CDR, between the 2.50 and 2.75 scan steps: invisible to the scan alone,
        // found once 2.65 (a loss-table row) must be checked.
        LossOutcome F(double cdr) => new(cdr is >= 2.60 and <= 2.70 ? 1 : 0, 0.055);
        Assert.Equal(BreakevenStatus.NoLossAtMaximum, LossSensitivity.BreakevenCdr(F, BreakevenRule.Default).Status);
        var r = LossSensitivity.BreakevenCdr(F, BreakevenRule.Default, mustCheck: [2.65]);
        Assert.Equal(2.59, r.Cdr, 12);
    }

    [Fact]
    public void Edges_a_break_at_0_and_no_break_up_to_the_maximum()
    {
        var zero = LossSensitivity.BreakevenCdr(_ => new LossOutcome(0.02, 0.05), BreakevenRule.Default);
        Assert.Equal((0.0, BreakevenStatus.LossAtZero, BreakCause.Writedown), (zero.Cdr, zero.Status, zero.Cause));
        var none = LossSensitivity.BreakevenCdr(Clean, BreakevenRule.Default, maxCdr: 40);
        Assert.Equal((40.0, BreakevenStatus.NoLossAtMaximum, BreakCause.None), (none.Cdr, none.Status, none.Cause));
        Assert.Equal([0.25, 0.5], LossSensitivity.ScanPoints(0.5));
        Assert.Equal(40 + 20 + 32, LossSensitivity.ScanPoints(100).Count());
    }
}
