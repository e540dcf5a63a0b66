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

    public static IReadOnlyList<Table> All(Statement s) => [Classes(s), Factors(s), Groups(s), Delinquencies(s), Payments(s), Reconciliation(s)];

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
