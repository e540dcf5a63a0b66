using Remic.Analytics;
using Remic.Deals.Model;
using Remic.Deals.Projection;
using Remic.Reports.Book;

namespace Remic.Reports;

/// <summary>
/// The per-class summary `remic run` prints first: each class's totals over the run (interest, principal, writedown,
/// interest still unpaid, ending balance) with its WAL and principal window from settlement, and a total row over the
/// classes with a balance. The month-by-month tables follow only when asked for.
/// </summary>
public static class RunSummary
{
    public static Table Of(DealProjection run, IReadOnlyList<int>? classes = null)
    {
        var deal = run.Deal;
        var settle = DealBook.Settlement(deal, null);
        var rows = new List<IReadOnlyList<string>>();
        decimal interest = 0, principal = 0, loss = 0;
        foreach (var c in classes ?? Enumerable.Range(0, deal.Classes.Count).ToList())
        {
            var spec = deal.Classes[c];
            var f = DealClassFlows.Of(run, c);
            // A class with nothing left to receive after settlement (e.g. a Class X whose notional is zero because no
            // loan is a premium loan, or a residual) shows no WAL or window instead of failing the run.
            var flows = Accrual.Receivable(f, settle);
            var s = flows ? new SettledFlows(f, settle) : null;
            var unpaid = run.Periods.Count == 0 ? 0 : run.Periods[^1].UnpaidInterest[c];
            decimal Cents(Func<Remic.Deals.Waterfall.PeriodResult<double>, double> x) => run.Periods.Sum(p => Remic.Core.Money.ToCents(x(p)));
            // Sums of the cent amounts the monthly rows print, so the summary adds up to the classes.csv columns.
            var paid = Cents(p => p.InterestPaid[c]);
            var prin = Cents(p => p.Principal[c]);
            var lost = Cents(p => p.Loss[c]);
            rows.Add([
                spec.Name, DealBook.TypeText(spec.Type), Fmt.Money(Original(run, c)) + (spec.IsNotional ? " (N)" : ""),
                run.Periods.Count == 0 ? "" : Fmt.Pct(run.Periods[0].Coupon[c] * 100),
                Fmt.Cents(paid), Fmt.Cents(prin), Fmt.Cents(lost), Fmt.Money(unpaid),
                Fmt.Money(run.Periods.Count == 0 ? f.OriginalBalance : run.Periods[^1].EndBalance[c]),
                flows ? Fmt.Num(BondAnalytics.Wal(s!), "0.00") : "", flows ? PrincipalWindow.Of(f, s!.First).Label : "",
            ]);
            interest += paid;
            if (spec.IsNotional) continue;
            principal += prin;
            loss += lost;
        }
        rows.Add(["Total", "", "", "", Fmt.Cents(interest), Fmt.Cents(principal), Fmt.Cents(loss), "", "", "", ""]);
        var called = run.CalledAt is { } m ? $"; clean-up call exercised in period {m}" : "";
        return new Table($"{deal.Metadata.TrustName}: Class Summary over {run.Periods.Count} Distributions{called}",
            ["Class", "Type", "Original Balance", "Coupon % (period 1)", "Interest Paid", "Principal Paid", "Writedown", "Unpaid Interest", "Ending Balance", "WAL (yr)", "Principal Window"], rows)
        {
            Alignment = [Align.Left, Align.Left, Align.Right, Align.Right, Align.Right, Align.Right, Align.Right, Align.Right, Align.Right, Align.Right, Align.Left],
            Notes =
            [
                $"WAL and principal window from settlement {Fmt.Date(settle)} (30/360). (N) = notional amount; notional classes are out of the principal and writedown totals.",
                "Totals are the sums of the monthly rows' cents (the classes.csv columns). Month-by-month tables: --months (or --out for files).",
            ],
        };
    }

    /// <summary>The deal file's original balance; a notional class without one shows its first period's notional amount.</summary>
    private static double Original(DealProjection run, int c)
    {
        var spec = run.Deal.Classes[c];
        if (!spec.IsNotional || spec.OriginalBalance > 0 || run.Periods.Count == 0) return (double)spec.OriginalBalance;
        return run.Periods[0].BeginBalance[c];
    }
}
