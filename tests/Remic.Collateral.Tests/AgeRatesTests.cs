namespace Remic.Collateral.Tests;

/// <summary>Rates shared across cut-off ages are exactly the rows each age's curve gives on its own.</summary>
public class AgeRatesTests
{
    [Theory]
    [InlineData("100 PSA", "100 SDA")]
    [InlineData("150 PPC", "2 CDR")]
    [InlineData("25 CPR", "0.3 MDR")]
    [InlineData("1.5 SMM", "400 SDA")]
    [InlineData("5 CPR for 12, then 20 CPR", "0.5 MDR, 0.1 MDR")] // month-dependent: materialised per age
    public void Rows_match_each_ages_own_materialised_curve(string prepay, string dflt)
    {
        int[] ages = [0, 3, 17, 29, 30, 31, 119, 240];
        var pool = new LoanPool(ages.Select(a => new Loan { Balance = 1000, GrossRate = 0.06, RemainingTerm = 120, OriginalTerm = 120 + a, Age = a }).ToList());
        var scenario = new Scenario { Prepay = Speed.Prepay(prepay), Default = Speed.Default(dflt) };
        var rates = new AgeRates(pool, scenario, 372);
        foreach (var a in ages)
        {
            Assert.Equal(scenario.Prepay.Curve.Materialise(a, 372), rates.Prepay(a));
            Assert.Equal(scenario.Default.Curve.Materialise(a, 372), rates.Default(a));
        }
    }

    [Fact]
    public void Only_curves_of_age_alone_share_rows()
    {
        Assert.True(Speed.Prepay("100 PSA").Curve.DependsOnAgeOnly);
        Assert.True(Speed.Default("100 SDA").Curve.DependsOnAgeOnly);
        Assert.False(Speed.Prepay("5 CPR for 12, then 20 CPR").Curve.DependsOnAgeOnly);
    }

    [Fact]
    public void An_empty_pool_projects_to_nothing()
    {
        var p = Projector.Project(new LoanPool([]), new Scenario { Prepay = Speed.Prepay("100 PSA") });
        Assert.Empty(p.Groups);
        Assert.Equal(0, p.Months);
    }
}
