using Remic.Collateral;
using Remic.Core;

namespace Remic.Grid.Tests;

public class GridGrammarTests
{
    [Fact]
    public void A_prepay_range_expands_from_low_to_high_inclusive_with_its_unit()
    {
        var speeds = GridAxes.Speeds("0..500 PPC step 25", SpeedKind.Prepayment, "--prepay");
        Assert.Equal(21, speeds.Count);
        Assert.Equal("0 PPC", speeds[0]);
        Assert.Equal("25 PPC", speeds[1]);
        Assert.Equal("500 PPC", speeds[^1]);
    }

    [Fact]
    public void A_range_whose_step_does_not_land_on_the_end_stops_below_it()
    {
        Assert.Equal(["0 CDR", "3 CDR", "6 CDR", "9 CDR"], GridAxes.Speeds("0..10 CDR step 3", SpeedKind.Default, "--default"));
    }

    [Fact]
    public void Decimal_steps_are_exact()
    {
        var s = GridAxes.Speeds("0..1 CDR step 0.1", SpeedKind.Default, "--default");
        Assert.Equal(11, s.Count);
        Assert.Equal("0.3 CDR", s[3]);
        Assert.Equal("1 CDR", s[^1]);
    }

    [Fact]
    public void Lists_take_the_unit_written_once_and_mix_with_ranges()
    {
        Assert.Equal(["100 PPC", "300 PPC"], GridAxes.Speeds("100 PPC, 300 PPC", SpeedKind.Prepayment, "--prepay"));
        Assert.Equal(["0 PPC", "100 PPC", "300 PPC"], GridAxes.Speeds("0,100,300 PPC", SpeedKind.Prepayment, "--prepay"));
        Assert.Equal(["0 CPR", "10 CPR", "20 CPR", "300 PSA"], GridAxes.Speeds("0..20 CPR step 10, 300 PSA", SpeedKind.Prepayment, "--prepay"));
        Assert.Equal(["100 PPC", "5 CPR for 12, then 20 CPR"], GridAxes.Speeds("100 PPC; 5 CPR for 12, then 20 CPR", SpeedKind.Prepayment, "--prepay"));
    }

    [Fact]
    public void Severities_and_lags_are_lists_or_ranges_of_numbers()
    {
        var a = GridAxes.Parse(null, null, "25,40,55", "0..24 step 6");
        Assert.Equal([25.0, 40.0, 55.0], a.Severity);
        Assert.Equal([0, 6, 12, 18, 24], a.Lag);
        Assert.Equal(["100 PPC"], a.Prepay);
        Assert.Equal(["0 CDR"], a.Default);
        Assert.Equal([false], a.Call);
    }

    private static InputError Refused(Action parse)
    {
        var e = Assert.Throws<RemicInputException>(parse);
        return Assert.Single(e.Errors);
    }

    [Fact]
    public void A_zero_step_is_refused_naming_the_option()
    {
        var e = Refused(() => GridAxes.Parse("0..500 PPC step 0", null, null, null));
        Assert.Equal("--prepay", e.Source);
        Assert.Equal("0..500 PPC step 0", e.Value);
        Assert.Contains("a step above 0", e.Expected);
    }

    [Fact]
    public void A_range_from_high_to_low_is_refused()
    {
        var e = Refused(() => GridAxes.Parse(null, "20..0 CDR step 1", null, null));
        Assert.Equal("--default", e.Source);
        Assert.Contains("from low to high: 0..20", e.Expected);
    }

    [Fact]
    public void A_range_without_a_step_or_a_unit_is_refused()
    {
        Assert.Contains("a step for the range", Refused(() => GridAxes.Parse(null, "20..0 CDR", null, null)).Expected);
        Assert.Contains("a unit for the range", Refused(() => GridAxes.Parse("0..500 step 25", null, null, null)).Expected);
    }

    [Theory]
    [InlineData("--prepay", "0..500 CDR step 25", "not a prepayment unit")]
    [InlineData("--prepay", "100 PPC, 100 PPC", "listed twice")]
    [InlineData("--prepay", "100 PPC,,300 PPC", "an empty entry")]
    [InlineData("--prepay", "fast", "not a speed")]
    [InlineData("--severity", "25,140", "out of range")]
    [InlineData("--severity", "0..60 CDR step 10", "no unit")]
    [InlineData("--lag", "0..12 step 1.5", "whole numbers")]
    [InlineData("--lag", "6,x", "not a number")]
    [InlineData("--lag", "200", "out of range")]
    [InlineData("--default", "0..1000000 CDR step 0.001", "at most 100,000 values")]
    public void Each_bad_axis_is_refused_with_what_was_expected(string option, string text, string message)
    {
        var e = Assert.Throws<RemicInputException>(() => GridAxes.Parse(
            option == "--prepay" ? text : null, option == "--default" ? text : null,
            option == "--severity" ? text : null, option == "--lag" ? text : null));
        Assert.All(e.Errors, x => Assert.Equal(option, x.Source));
        Assert.Contains(e.Errors, x => x.Expected.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_bad_axis_is_reported_at_once()
    {
        var e = Assert.Throws<RemicInputException>(() => GridAxes.Parse("0..500 PPC step 0", "20..0 CDR step 1", "120", "-1"));
        Assert.Equal(["--prepay", "--default", "--severity", "--lag"], e.Errors.Select(x => x.Source));
    }

    [Fact]
    public void Too_many_combinations_need_force_and_say_how_many()
    {
        var axes = GridAxes.Parse("0..500 PPC step 0.5", "0..20 CDR step 0.5", "0..100 step 1", "0..24 step 1");
        var job = new GridJob { Deals = [TestFiles.J4Deal], Axes = axes };
        var e = Assert.Throws<RemicInputException>(() => job.Validated(force: false));
        var err = Assert.Single(e.Errors);
        Assert.Equal("--force", err.Source);
        Assert.Contains("1,001 prepay × 41 default × 101 severity × 25 lag", err.Expected);
        Assert.Same(job, job.Validated(force: true));
    }

    [Fact]
    public void A_billion_combinations_are_refused_even_with_force()
    {
        var axes = new GridAxes
        {
            Prepay = Enumerable.Range(0, 100_000).Select(i => $"{i / 100.0} CPR").ToList(),
            Default = Enumerable.Range(0, 100_000).Select(i => $"{i / 10000.0} CDR").ToList(),
            Severity = Enumerable.Range(0, 10).Select(i => (double)i).ToList(),
        };
        var job = new GridJob { Deals = [TestFiles.J4Deal], Axes = axes };
        var e = Assert.Throws<RemicInputException>(() => job.Validated(force: true));
        Assert.Contains("at most 10,000,000,000 scenario rows", Assert.Single(e.Errors).Expected);
    }

    [Fact]
    public void A_bad_price_is_refused()
    {
        var job = new GridJob { Deals = [TestFiles.J4Deal], Axes = new GridAxes(), Price = "par" };
        Assert.Equal("--price", Assert.Single(Assert.Throws<RemicInputException>(() => job.Validated(false)).Errors).Source);
    }
}
