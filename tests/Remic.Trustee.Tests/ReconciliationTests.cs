using System.Globalization;
using Dapper;
using Remic.Core;
using Remic.Trustee.CloseHelper;
using Remic.Trustee.Distribution;
using Remic.Trustee.Periods;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Tests.Support;
using static Remic.Trustee.Tests.Support.TestDeal;

namespace Remic.Trustee.Tests;

/// <summary>
/// 24 synthetic months through import and close. The checks recompute, from the remittance files' own
/// lines (not from the ledger's aggregates), the cash remitted, and require the ledger's class payments
/// to add up to it to the cent every month, and the classes' balances to equal the loans' balances.
/// </summary>
public sealed class ReconciliationTests
{
    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Twenty_four_months_reconcile_to_the_cent(string kind)
    {
        using var ledger = new TestLedger(kind);
        var reg = Pool(300);
        DealRegistry.Register(ledger.Db, reg, "tester");
        var rates = reg.Loans.ToDictionary(l => l.Id, l => decimal.Parse(l.GrossRate.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        var closer = new PeriodCloser(ledger.Db, new SequentialPayDouble());
        var cumulativeLoss = 0m;
        for (var m = 0; m < 24; m++)
        {
            var period = First.AddMonths(m);
            Dictionary<string, LoanPosition> positions;
            using (var c = ledger.Db.Connect()) positions = RemittanceImporter.LoadPositions(c, Id);
            var file = SyntheticMonth(period, positions, rates, seed: 1000 + m);
            var (remitted, loss, ending) = IndependentTotals(file);
            cumulativeLoss += loss;

            RemittanceImporter.Import(ledger.Db, Id, period, $"{period}.csv", file, "tester");
            var result = closer.Close(Id, period, new PeriodMarket(), "tester");

            Assert.Equal(CloseOutcome.Closed, result.Outcome);
            using var db = ledger.Db.Connect();
            var p = period.ToString();
            var paidOut = db.ExecuteScalar<long>("SELECT CAST(SUM(interest_paid_cents + principal_paid_cents) AS BIGINT) FROM class_periods WHERE period = @p", new { p })
                        + db.ExecuteScalar<long>("SELECT CAST(SUM(amount_cents) AS BIGINT) FROM period_payments WHERE period = @p", new { p });
            Assert.Equal(remitted, paidOut / 100m);
            var classEnding = db.ExecuteScalar<long>("SELECT CAST(SUM(ending_balance_cents) AS BIGINT) FROM class_periods WHERE period = @p", new { p }) / 100m;
            var loanBalance = db.ExecuteScalar<long>("SELECT CAST(SUM(current_balance_cents) AS BIGINT) FROM loans") / 100m;
            Assert.Equal(loanBalance, classEnding);
            Assert.Equal(ending, loanBalance + 0m);
            Assert.Equal(cumulativeLoss, result.Collections!.CumulativeRealizedLosses);
            Assert.Equal(m + 1m, result.Distribution!.CarryForwards.Single().Amount);
        }
        Assert.Equal(24L, LedgerDump.Count(ledger.Db, "SELECT COUNT(*) FROM periods WHERE state = 'closed'"));
        Assert.True(cumulativeLoss > 0, "the synthetic months should include liquidations");
    }

    /// <summary>Cash remitted, realized loss and ending balance, summed straight from the CSV text.</summary>
    private static (decimal Remitted, decimal Loss, decimal Ending) IndependentTotals(string csv)
    {
        decimal remitted = 0, loss = 0, ending = 0;
        foreach (var line in csv.Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            decimal D(int i) => decimal.Parse(f[i], CultureInfo.InvariantCulture);
            // scheduled + curtailment + payoff + liquidation + interest collected + interest advance − servicing fee
            remitted += D(3) + D(4) + D(5) + D(11) + D(7) + D(10) - D(8);
            loss += D(12);
            ending += D(13);
        }
        return (remitted, loss, ending);
    }
}
