using System.Globalization;
using System.Text;
using Remic.Collateral;
using Remic.Core;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;

namespace Remic.Trustee.Tests.Support;

/// <summary>Small hand-built deals and remittance files for ledger tests.</summary>
public static class TestDeal
{
    public const string Id = "TEST-2004-1";
    public static readonly Period First = new(2004, 5);
    public const string DealText = "deal: TEST-2004-1\n# placeholder deal file; phase 2 parses the real ones\n";

    /// <summary>Three loans: L1 100,000.00 and L2 50,000.00 in group 1, L3 80,000.00 in group 2; classes A 200,000 and B 30,000.</summary>
    public static DealRegistration Small() => new(Id, "test.yaml", DealText, First,
        [
            new Loan { Id = "L1", Group = "1", Balance = 100_000.00, GrossRate = 0.06, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 358, Age = 2 },
            new Loan { Id = "L2", Group = "1", Balance = 50_000.00, GrossRate = 0.065, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 358, Age = 2 },
            new Loan { Id = "L3", Group = "2", Balance = 80_000.00, GrossRate = 0.0625, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 359, Age = 1 },
        ],
        [new ClassDefinition("A", 200_000.00m), new ClassDefinition("B", 30_000.00m)]);

    /// <summary>A deal of <paramref name="count"/> loans in two groups with cent-exact balances.</summary>
    public static DealRegistration Pool(int count, int seed = 7)
    {
        var rng = new Random(seed);
        var loans = Enumerable.Range(1, count).Select(i => new Loan
        {
            Id = $"L{i:D6}", Group = i % 2 == 0 ? "2" : "1",
            Balance = (double)(rng.Next(5_000_000, 65_000_000) / 100m),
            GrossRate = 0.06 + rng.Next(0, 8) * 0.00125, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 358, Age = 2,
        }).ToArray();
        var total = loans.Sum(l => (decimal)l.Balance);
        var b = Money.Round(total * 0.06m);
        return new DealRegistration(Id, "pool.yaml", DealText, First, loans, [new ClassDefinition("A", total - b), new ClassDefinition("B", b)]);
    }

    public const string Header = "loan_id,period,prior_balance,scheduled_principal,curtailment,payoff,paid_through_date,interest_collected,servicing_fee,principal_advance,interest_advance,liquidation_proceeds,realized_loss,ending_balance,delinquency,modified";

    /// <summary>Builds one CSV line; amounts in the order of <see cref="Header"/>.</summary>
    public static string Row(string loan, string period, string prior, string sched, string curt, string payoff, string ptd,
        string interest, string fee, string padv, string iadv, string liq, string loss, string ending, string dq = "current", string mod = "N") =>
        string.Join(",", loan, period, prior, sched, curt, payoff, ptd, interest, fee, padv, iadv, liq, loss, ending, dq, mod);

    /// <summary>A valid first-period remittance for <see cref="Small"/>: L1 amortises, L2 pays off, L3 curtails and is 30 days late.</summary>
    public static string SmallMay() => string.Join("\n",
        Header,
        Row("L1", "2004-05", "100000.00", "99.55", "0.00", "0.00", "", "500.00", "20.83", "0.00", "0.00", "0.00", "0.00", "99900.45"),
        Row("L2", "2004-05", "", "0.00", "0.00", "50000.00", "2004-05-14", "117.36", "4.86", "0.00", "0.00", "0.00", "0.00", "0.00"),
        Row("L3", "2004-05", "80000.00", "75.00", "1000.00", "0.00", "", "0.00", "16.67", "75.00", "416.67", "0.00", "0.00", "78925.00", "30", "N")) + "\n";

    /// <summary>
    /// A plausible month for every outstanding loan: level amortisation, some payoffs, curtailments,
    /// delinquencies and liquidations with losses, all in exact cents, seeded.
    /// </summary>
    public static string SyntheticMonth(Period period, IReadOnlyDictionary<string, LoanPosition> positions, IReadOnlyDictionary<string, decimal> rates, int seed)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var (id, pos) in positions.Where(p => p.Value.Balance > 0).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var bal = pos.Balance;
            var rate = rates[id];
            var interest = Money.Round(bal * rate / 12);
            var fee = Money.Round(bal * 0.0025m / 12);
            var sched = Math.Min(bal, Money.Round(bal * 0.0011m + 20m));
            decimal curt = 0, payoff = 0, liq = 0, loss = 0, padv = 0, iadv = 0, collected = interest;
            string ptd = "", dq = "current";
            var roll = rng.NextDouble();
            if (roll < 0.02) { payoff = bal - sched; ptd = period.Day(rng.Next(1, 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); }
            else if (roll < 0.025) { sched = 0; liq = Money.Round(bal * 0.6m); loss = bal - liq; collected = 0; dq = "REO"; fee = 0; }
            else if (roll < 0.08) { curt = Math.Min(bal - sched, Money.Round((decimal)rng.Next(100, 5000))); }
            else if (roll < 0.12) { padv = sched; iadv = interest; collected = 0; dq = roll < 0.10 ? "30" : roll < 0.11 ? "60" : "90+"; }
            var ending = bal - sched - curt - payoff - liq - loss;
            sb.Append(Row(id, period.ToString(), F(bal), F(sched), F(curt), F(payoff), ptd, F(collected), F(fee), F(padv), F(iadv),
                F(liq), F(loss), F(ending), dq, rng.NextDouble() < 0.01 ? "Y" : "N")).Append('\n');
        }
        return sb.ToString();
    }

    public static string F(decimal m) => m.ToString("0.00", CultureInfo.InvariantCulture);
}
