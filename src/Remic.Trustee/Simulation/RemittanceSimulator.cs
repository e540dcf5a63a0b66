using System.Globalization;
using System.Text;
using Remic.Collateral;
using Remic.Core;
using Remic.Trustee.Remittance;

namespace Remic.Trustee.Simulation;

/// <summary>
/// Synthetic loan-level servicer remittances, month by month, in the phase-1 CSV format. Per loan and month
/// (seeded): a default with the default speed's monthly rate, then 60 → 90+ → FC → REO and liquidation
/// `lag` months later at the given severity (the servicer advances meanwhile); otherwise a payoff or a
/// curtailment drawn so the pool prepays at the prepayment speed in expectation (90% of it as payoffs);
/// a performing loan misses a payment (30 days, advanced) with the delinquency chance and cures the next
/// month half the time. Scheduled principal is the loan's level-payment amortisation, interest the note
/// rate on the prior balance; balances roll forward to the cent, so every file passes `remit` validation.
/// </summary>
public sealed class RemittanceSimulator(IReadOnlyList<Loan> loans, Period firstPeriod, SimulationOptions options)
{
    private const decimal PayoffShare = 0.9m, CurtailmentChance = 0.2m;

    public IEnumerable<(Period Period, string Csv)> Run()
    {
        options.Validate();
        var rng = new Random(options.Seed);
        var state = loans.Select(l => new SimulatedLoan(l)).ToArray();
        for (var m = 1; m <= options.Months; m++)
        {
            var period = firstPeriod.AddMonths(m - 1);
            var sb = new StringBuilder(string.Join(",", RemittanceColumns.Basic)).Append('\n');
            var any = false;
            foreach (var loan in state)
            {
                if (loan.Closed) continue;
                any = true;
                sb.Append(Month(loan, period, m, rng)).Append('\n');
            }
            if (!any) yield break;
            yield return (period, sb.ToString());
        }
    }

    private string Month(SimulatedLoan s, Period period, int m, Random rng)
    {
        var l = s.Loan;
        var prior = s.Balance;
        var rate = (decimal)l.GrossRate / 12m;
        var interest = Money.Round(prior * rate);
        // The servicer keeps what the interest paid holds above a full month at the net rate, rounded up to the cent
        // (never more than its fee rate gives, to within that cent): a fee rounded up loan by loan would remit less than
        // the classes' coupons need and write the lowest subordinate down by cents every month with no loss.
        var netDue = Math.Ceiling(prior * ((decimal)l.GrossRate - (decimal)l.ServicingFee) / 12m * 100m) / 100m;
        var fee = Math.Max(interest - netDue, 0m);
        decimal sched = 0, curt = 0, payoff = 0, collected = 0, pAdv = 0, iAdv = 0, liq = 0, loss = 0;
        DateOnly? paidThrough = null;
        s.Age++;

        if (s.MonthsInDefault < 0 && Draw(rng) < (decimal)options.Default.Curve.Monthly(s.Age, m)) s.MonthsInDefault = 0;
        else if (s.MonthsInDefault >= 0) s.MonthsInDefault++;

        if (s.MonthsInDefault >= 0)
        {
            if (s.MonthsInDefault >= options.Lag)
            {
                // Liquidation: the property's net proceeds against the balance, the rest is the loss.
                liq = Money.Round(prior * (1m - options.Severity));
                loss = prior - liq;
                iAdv = interest;
                s.Status = "REO";
            }
            else
            {
                sched = s.ScheduledPrincipal();
                pAdv = sched; iAdv = interest;
                s.Status = s.MonthsInDefault switch { 0 => "60", 1 => "90+", 2 => "FC", _ => "REO" };
            }
        }
        else
        {
            sched = s.ScheduledPrincipal();
            var smm = (decimal)options.Prepay.Curve.Monthly(s.Age, m);
            var after = prior - sched;
            var missed = s.Status == "30" ? Draw(rng) < 0.5m : Draw(rng) < options.Delinquency;
            if (after > 0 && Draw(rng) < smm * PayoffShare)
            {
                payoff = after;
                var day = rng.Next(1, 29);
                paidThrough = period.AddMonths(-1).Day(day);
                collected = Money.Round(prior * rate * day / 30m);
                s.Status = "current";
            }
            else if (missed)
            {
                pAdv = sched; iAdv = interest;
                s.Status = "30";
            }
            else
            {
                collected = interest;
                var share = smm * (1m - PayoffShare) / (1m - smm * PayoffShare) / CurtailmentChance;
                if (after > 0 && Draw(rng) < CurtailmentChance) curt = Math.Min(Money.Round(after * share), after);
                if (curt == after) { curt = 0; payoff = after; paidThrough = period.AddMonths(-1).Day(28); }
                s.Status = "current";
            }
        }
        fee = Math.Min(fee, collected + iAdv);
        var ending = prior - sched - curt - payoff - liq - loss;
        s.Balance = ending;
        s.Remaining--;
        var f = CultureInfo.InvariantCulture;
        string A(decimal x) => x.ToString("0.00", f);
        return string.Join(",", CsvCell.Format(l.Id), period.ToString(), A(prior), A(sched), A(curt), A(payoff), paidThrough?.ToString("yyyy-MM-dd", f) ?? "",
            A(collected), A(fee), A(pAdv), A(iAdv), A(liq), A(loss), A(ending), s.Status, "N");
    }

    private static decimal Draw(Random rng) => (decimal)rng.NextDouble();
}
