using Remic.Analytics;
using Remic.Core;

namespace Remic.Analytics.Tests;

public class CsvAndTableTests
{
    private static BondCashFlows Parse(string csv) =>
        CashFlowCsv.Parse(new StringReader(csv), "flows.csv", DayCount.Thirty360, 24, new DateOnly(2005, 2, 1), 1_000);

    [Fact]
    public void Reads_a_statement_style_csv()
    {
        var f = Parse("""
            date,begin_balance,interest,principal,loss,end_balance,coupon
            2005-03-25,1000.00,5.00,100.00,0,900.00,6.00
            2005-04-25,900.00,4.50,850.00,50.00,0.00,6.00
            """);
        Assert.Equal(2, f.Count);
        Assert.Equal(new DateOnly(2005, 4, 25), f.Dates[1]);
        Assert.Equal(0.06, f.Coupon[0], 15);
        Assert.Equal(5.0, LossSensitivity.WritedownPercent(f), 12);
        // Settling 2005-02-28 at par: accrued 27 days of 6% on 1,000.
        Assert.Equal(1_000 * 0.06 * 27 / 360, new SettledFlows(f, new DateOnly(2005, 2, 28)).Accrued.Amount, 12);
    }

    [Fact]
    public void Reports_every_bad_cell_with_its_line()
    {
        var e = Assert.Throws<RemicInputException>(() => Parse("""
            date,begin_balance,interest,principal,end_balance
            2005-03-25,1000.00,5.00,100.00,900.00
            2005-13-25,900.00,x,100.00,800.00
            2005-05-25,800.00,4.00,100.00,650.00
            """));
        Assert.Equal(
            "flows.csv:3 date: got '2005-13-25'; expected a date as YYYY-MM-DD" + Environment.NewLine +
            "flows.csv:3 interest: got 'x'; expected a number such as 1234.56" + Environment.NewLine +
            "flows.csv:4 end_balance: got '650.00'; expected begin_balance − principal − loss = 700.00 (off by 50.00)",
            e.Message);
    }

    [Fact]
    public void Rejects_a_header_without_the_required_columns()
    {
        var e = Assert.Throws<RemicInputException>(() => Parse("date,balance,interest\n"));
        Assert.Equal(
            "flows.csv:1 column 2: got 'balance'; expected one of the columns date, begin_balance, interest, principal, end_balance, loss, coupon" + Environment.NewLine +
            "flows.csv:1 begin_balance: the header needs the column 'begin_balance'" + Environment.NewLine +
            "flows.csv:1 principal: the header needs the column 'principal'" + Environment.NewLine +
            "flows.csv:1 end_balance: the header needs the column 'end_balance'",
            e.Message);
    }

    [Fact]
    public void Price_yield_table_prints_the_peer_yield_at_90()
    {
        var flows = PeerYieldTests.PeerFlows();
        var t = PriceYieldTable.Build([("base", flows), ("fast", PeerYieldTests.PeerFlows(240))],
            [Price32.Parse("89-16"), Price32.Parse("90-00"), Price32.Parse("90-16")], new DateOnly(2005, 2, 28));
        Assert.Equal(Price32.Parse("90-00"), t.ReferencePrice);
        Assert.Equal(7.069092506029, t.Yields[1][0] * 100, 1e-9);   // the C peer on 30/360 SIA (PeerYieldTests)
        Assert.True(t.Yields[0][0] > t.Yields[1][0] && t.Yields[1][0] > t.Yields[2][0]);
        Assert.True(t.Yields[1][1] > t.Yields[1][0]);                  // a discount bond repaid faster yields more
        Assert.Contains("90-00", t.ToText());
        Assert.Contains("Mar05 - Oct34", t.ToText());                  // 356 monthly flows from Mar05
    }
}
