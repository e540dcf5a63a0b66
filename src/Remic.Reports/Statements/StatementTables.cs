using System.Globalization;
using Remic.Reports;
using Remic.Trustee.Remittance;
using Remic.Trustee.Statements;

namespace Remic.Reports.Statements;

/// <summary>The monthly statement as Remic.Reports tables: classes, factors, groups, delinquencies, payments, reconciliation.</summary>
public static class StatementTables
{
    private static readonly CultureInfo F = CultureInfo.InvariantCulture;
    private static string M(decimal x) => x.ToString("#,##0.00", F);
    private static string Pct(decimal? x) => x is { } v ? (v * 100m).ToString("0.000000", F) : "";
    private static string K(decimal x) => x.ToString("0.00000000", F);

    public static string Heading(Statement s) =>
        $"{s.TrustName} ({s.DealId}) — statement to certificateholders, period {s.Period}, distribution date {s.DistributionDate:yyyy-MM-dd}, close {s.CloseId}";

    public static IReadOnlyList<Table> All(Statement s) =>
        [Classes(s), Factors(s), ClassDetail(s), Groups(s), Delinquencies(s), Payments(s), Reconciliation(s), Item1121Table(s)];

    public static Table ClassDetail(Statement s) => new("Class shortfalls, losses and credit enhancement",
        ["class", "prepayment interest shortfall", "Relief Act shortfall", "net rate cap shortfall carried", "corridor paid", "write-up",
         "cumulative loss", "credit enhancement %"],
        s.Classes.Select(k => (IReadOnlyList<string>)[k.Name, M(k.PrepaymentInterestShortfall), M(k.ReliefActShortfall), M(k.CapShortfall), M(k.CorridorPaid),
            M(k.WriteUp), M(k.CumulativeRealizedLoss), k.CreditEnhancement is { } ce ? (ce * 100m).ToString("0.0000", F) : ""]).ToArray());

    public const string Item1121Title = "Regulation AB Item 1121(a)";

    /// <summary>The Item 1121(a) report as text: each paragraph and item on a line, its answer below, wrapped at 100 columns.</summary>
    public static string Item1121Text(Statement s)
    {
        var sb = new System.Text.StringBuilder(Item1121Title + "\n" + new string('=', Item1121Title.Length) + "\n");
        foreach (var x in s.Item1121)
        {
            sb.Append(x.Paragraph).Append("  ").Append(x.Item).Append('\n');
            foreach (var line in Wrap(x.Value, 96)) sb.Append("    ").Append(line).Append('\n');
        }
        return sb.ToString();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { yield return line.ToString(); line.Clear(); }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    public static Table Item1121Table(Statement s) => new(Item1121Title,
        ["paragraph", "item", "this period"],
        s.Item1121.Select(x => (IReadOnlyList<string>)[x.Paragraph, x.Item, x.Value]).ToArray());

    public static Table Classes(Statement s)
    {
        var t = s.ClassTotals;
        // A notional class has no principal, loss or accretion: those cells stay empty and its change has its own column.
        string Money(ClassLine k, decimal x) => k.Notional ? "" : M(x);
        return new("Distribution by class",
            ["class", "pass-through rate %", "beginning balance", "principal", "interest", "interest shortfall", "unpaid interest", "realized loss", "accretion",
             "notional change", "ending balance"],
            s.Classes.Select(k => (IReadOnlyList<string>)[k.Notional ? k.Name + " (notional)" : k.Name, k.PassThroughRate is { } r ? (r * 100m).ToString("0.000000", F) : "",
                M(k.BeginningBalance), Money(k, k.Principal), M(k.Interest), M(k.InterestShortfall), M(k.UnpaidInterest), Money(k, k.RealizedLoss),
                Money(k, k.Accretion), k.Notional ? M(k.NotionalChange) : "", M(k.EndingBalance)])
                .Append(["total", "", M(t.BeginningBalance), M(t.Principal), M(t.Interest), M(t.InterestShortfall), M(t.UnpaidInterest),
                    M(t.RealizedLoss), M(t.Accretion), "", M(t.EndingBalance)]).ToArray())
        {
            Notes = ["Notional classes owe no principal: their notional amount's change is not a loss, and they are out of the balance, principal, loss and " +
                     "accretion totals; the interest total includes their interest (cash paid)."],
        };
    }

    public static Table Factors(Statement s) => new("Per $1,000 of original balance",
        ["class", "original balance", "principal", "interest", "ending balance"],
        s.Classes.Select(k => (IReadOnlyList<string>)[k.Name, M(k.OriginalBalance), K(k.PrincipalPer1000), K(k.InterestPer1000), K(k.EndingPer1000)]).ToArray());

    public static Table Groups(Statement s)
    {
        (string, Func<GroupLine, string>)[] rows =
        [
            ("loans", g => g.LoanCount.ToString(F)), ("beginning balance", g => M(g.BeginningBalance)),
            ("scheduled principal", g => M(g.ScheduledPrincipal)), ("prepayments in full", g => M(g.PrepaymentsInFull)),
            ("curtailments", g => M(g.Curtailments)), ("liquidation proceeds", g => M(g.LiquidationProceeds)),
            ("interest collected", g => M(g.InterestCollected)), ("servicing fees", g => M(g.ServicingFees)), ("trustee fees", g => M(g.TrusteeFees)),
            ("principal advances", g => M(g.PrincipalAdvances)), ("interest advances", g => M(g.InterestAdvances)),
            ("realized losses", g => M(g.RealizedLosses)), ("cumulative realized losses", g => M(g.CumulativeRealizedLosses)),
            ("ending balance", g => M(g.EndingBalance)),
            ("Senior Percentage %", g => Pct(g.SeniorPercentage)), ("Senior Prepayment Percentage %", g => Pct(g.SeniorPrepaymentPercentage)),
            ("step-down test", g => g.StepDownPassed is { } p ? (p ? "pass" : "fail") : "n/a"),
            ("compensating interest", g => M(g.CompensatingInterest)), ("prepayment interest shortfall", g => M(g.PrepaymentInterestShortfall)),
            ("Relief Act shortfall", g => M(g.ReliefActShortfall)), ("net interest shortfall", g => M(g.NetInterestShortfall)),
            ("subsequent recoveries", g => M(g.SubsequentRecoveries)), ("LPMI fees", g => M(g.LpmiFees)),
            ("loans modified", g => g.ModifiedLoans.ToString(F)), ("modified balance", g => M(g.ModifiedBalance)),
            ("Class PO Deferred Amount", g => M(g.PoDeferred)), ("loans at the start", g => g.BeginningLoanCount.ToString(F)),
            ("weighted average mortgage rate %", g => Pct(g.WeightedAverageMortgageRate)), ("weighted average net rate %", g => Pct(g.WeightedAverageNetRate)),
            ("weighted average remaining term", g => g.WeightedAverageRemainingTerm is { } t ? t.ToString("0.00", F) : ""),
        ];
        return new Table("Collateral by loan group", ["item", .. s.Groups.Select(g => "group " + g.Group)],
            rows.Select(r => (IReadOnlyList<string>)[r.Item1, .. s.Groups.Select(r.Item2)]).ToArray());
    }

    public static Table Delinquencies(Statement s) => new("Delinquency (loans / ending balance)",
        ["group", .. DelinquencyCodes.All.Select(c => c.Code)],
        s.Groups.Select(g => (IReadOnlyList<string>)[g.Group, .. DelinquencyCodes.All.Select(c =>
        {
            var b = g.Delinquencies.FirstOrDefault(x => x.Status == c.Status);
            return b is null ? "0 / 0.00" : $"{b.LoanCount} / {M(b.Balance)}";
        })]).ToArray());

    public static Table Payments(Statement s) => new("Fees, corridor payments, amounts retained, residual",
        ["item", "amount"],
        s.Fees.Select(f => (IReadOnlyList<string>)[f.Name, M(f.Amount)])
            .Concat(s.CorridorPayments.Select(c => (IReadOnlyList<string>)[$"corridor {c.Contract} (LIBOR {c.Libor * 100m:0.#####}%)", M(c.Amount)]))
            .Concat(s.Retained.Select(f => (IReadOnlyList<string>)[f.Name, M(f.Amount)]))
            .Append(["residual", M(s.Residual)])
            .Concat(s.CarryForwards.Select(c => (IReadOnlyList<string>)[$"carried forward: {c.Name} {c.Item}", M(c.Amount)])).ToArray());

    public static Table Reconciliation(Statement s)
    {
        var r = s.Reconciliation;
        return new Table("Reconciliation: cash in = cash out",
            ["item", "amount"],
            [
                ["collections remitted", M(r.CollectionsRemitted)], ["corridor receipts", M(r.CorridorReceipts)], ["cash in", M(r.CashIn)],
                ["class interest", M(r.ClassInterest)], ["class principal", M(r.ClassPrincipal)], ["fees", M(r.Fees)],
                ["retained in trust accounts", M(r.Retained)], ["residual", M(r.Residual)], ["cash out", M(r.CashOut)],
                ["difference", M(r.CashIn - r.CashOut)],
            ]);
    }
}
