using Remic.Core;

namespace Remic.Core.Tests;

public class CoreValueTests
{
    [Theory]
    [InlineData("2004-05", 2004, 5)]
    [InlineData("200405", 2004, 5)]
    [InlineData(" 2004/12 ", 2004, 12)]
    public void Period_parses(string text, int year, int month) => Assert.Equal(new Period(year, month), Period.Parse(text));

    [Fact]
    public void Period_rejects_bad_text_with_a_plain_message()
    {
        var e = Assert.Throws<RemicInputException>(() => Period.Parse("May 2004", "--period"));
        Assert.Equal("--period: got 'May 2004'; expected a month as YYYY-MM, e.g. 2004-05", e.Message);
    }

    [Fact]
    public void Period_arithmetic_crosses_years()
    {
        var p = new Period(2004, 11);
        Assert.Equal(new Period(2005, 2), p.AddMonths(3));
        Assert.Equal(new Period(2003, 12), p.AddMonths(-11));
        Assert.Equal(15, new Period(2006, 2).MonthsSince(p));
        Assert.Equal("Nov04", p.ToShortLabel());
    }

    // 30/360 SIA (SIFMA Standard Formulas for MBS): each figure by hand from 360·ΔY + 30·ΔM + (D2 − D1) after the rules
    // in DayCounts.Days; the bond-basis (ISDA) count is in the comment where it differs.
    [Theory]
    [InlineData("2005-02-01", "2005-02-28", 27)]   // settlement accrual in the E2 reference case: D2 = end of Feb, D1 is not
    [InlineData("2005-02-28", "2005-03-25", 25)]   // E2 settlement → first payment: D1 end of Feb → 30 (bond basis 27)
    [InlineData("2005-02-28", "2005-03-31", 30)]   // D1 → 30, then D2 = 31 with D1 = 30 → 30 (bond basis 33)
    [InlineData("2005-02-28", "2006-02-28", 360)]  // both end of February: D2 → 30 as well
    [InlineData("2005-02-28", "2008-02-29", 1080)] // into a leap year's end of February
    [InlineData("2004-02-29", "2004-03-31", 30)]   // leap year: the 29th is the end of February (bond basis 32)
    [InlineData("2004-02-29", "2005-02-28", 360)]  // leap to non-leap, both end of February
    [InlineData("2004-02-28", "2004-03-25", 27)]   // leap year: the 28th is not the end of February
    [InlineData("2004-02-28", "2004-02-29", 1)]
    [InlineData("2000-02-28", "2000-03-01", 3)]    // 2000 is a leap year (divisible by 400): 28th not the end
    [InlineData("2100-02-28", "2100-03-01", 1)]    // 2100 is not (divisible by 100): 28th is the end → 30
    [InlineData("2005-01-31", "2005-02-28", 28)]   // D1 = 31 → 30; D2 stays 28 (D1 is not end of Feb)
    [InlineData("2005-01-30", "2005-03-31", 60)]   // d2 = 31 with d1 ≥ 30 counts as 30
    [InlineData("2005-03-31", "2005-04-30", 30)]   // D1 = 31 → 30
    [InlineData("2005-03-31", "2005-05-31", 60)]   // both 31st
    [InlineData("2005-01-15", "2005-03-31", 76)]   // d2 = 31 with d1 < 30 stays 31
    public void Thirty360_SIA(string from, string to, int days) =>
        Assert.Equal(days, DayCounts.Days(DayCount.Thirty360, DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void Actual360_counts_calendar_days()
    {
        var from = new DateOnly(2007, 4, 25);
        var to = new DateOnly(2007, 5, 25);
        Assert.Equal(30, DayCounts.Days(DayCount.Actual360, from, to));
        Assert.Equal(30 / 360.0, DayCounts.YearFraction(DayCount.Actual360, from, to), 12);
    }

    [Fact]
    public void Money_rounds_half_away_from_zero()
    {
        Assert.Equal(0.13m, Money.ToCents(0.125));
        Assert.Equal(-0.13m, Money.ToCents(-0.125));
        Assert.Equal(1.01m, Money.Round(1.005m));
    }

    [Fact]
    public void Monthly_vector_holds_its_last_value()
    {
        var v = new MonthlyVector([0.01, 0.02]);
        Assert.Equal(0.01, v.At(1));
        Assert.Equal(0.02, v.At(2));
        Assert.Equal(0.02, v.At(360));
        Assert.False(v.IsFlat);
    }

    [Fact]
    public void Input_error_prints_file_line_field_value_and_expectation()
    {
        var e = new InputError("tape.csv", 7, "gross_rate", "abc", "expected a number in percent, e.g. 6.5");
        Assert.Equal("tape.csv:7 gross_rate: got 'abc'; expected a number in percent, e.g. 6.5", e.ToString());
    }
}
