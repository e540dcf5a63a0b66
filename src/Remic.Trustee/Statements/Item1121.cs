using System.Globalization;
using Remic.Trustee.Remittance;
using Remic.Trustee.Waterfall;

namespace Remic.Trustee.Statements;

/// <summary>One line of the Regulation AB Item 1121(a) report: the paragraph, what it asks for, and the statement's answer (never empty: "none" when nothing happened).</summary>
public sealed record Item1121Line(string Paragraph, string Item, string Value);

/// <summary>
/// The distribution report's content as Regulation AB Item 1121(a) (17 CFR 229.1121) lists it, each paragraph answered from the
/// statement: a figure, a list, or an explicit "none" (with why, where the ledger has no source for it). Paragraphs:
/// (1) dates; (2) cash received and its sources; (3) fees and expenses paid and to whom; (4) payments for credit enhancement;
/// (5)–(6) payments to holders and per class interest, principal, shortfalls and carryovers; (7) excess cash flow; (8) class balances;
/// (9) interest rates; (10) transaction accounts; (11) credit enhancement drawn and remaining; (12) pool balances, counts, WAC, WAM,
/// factor and prepayments; (13) delinquencies and losses; (14) advances; (15) modifications; (16) breaches; (17) trigger tests;
/// (18) pool changes; (19) changes in underwriting criteria.
/// </summary>
public static class Item1121
{
    private static readonly CultureInfo F = CultureInfo.InvariantCulture;
    private static string M(decimal x) => x.ToString("#,##0.00", F);
    private static string Pct(decimal? x, int decimals = 4) => x is { } v ? (v * 100m).ToString("0." + new string('0', decimals), F) + "%" : "n/a";
    private static string OrNone(IEnumerable<string> parts, string none = "none")
    {
        var list = parts.Where(p => p.Length > 0).ToList();
        return list.Count == 0 ? none : string.Join("; ", list);
    }
    private static string Amount(string label, decimal x) => x == 0 ? "" : $"{label} {M(x)}";

    public static IReadOnlyList<Item1121Line> Of(Statement s)
    {
        var d = s.Dates;
        var g = s.Groups;
        var classes = s.Classes;
        var corridor = s.CorridorPayments.Sum(c => c.Amount);
        var lines = new List<Item1121Line>
        {
            new("1121(a)(1)", "record, determination and distribution dates; collection and accrual periods", d is null ? $"distribution date {s.DistributionDate:yyyy-MM-dd}" :
                $"record date {d.RecordDate:yyyy-MM-dd}; determination date {d.DeterminationDate:yyyy-MM-dd}; distribution date {s.DistributionDate:yyyy-MM-dd}; " +
                $"due period {d.DuePeriodStart:yyyy-MM-dd} to {d.DuePeriodEnd:yyyy-MM-dd}; prepayment period {d.PrepaymentPeriodStart:yyyy-MM-dd} to {d.PrepaymentPeriodEnd:yyyy-MM-dd}; " +
                $"accrual (30/360 classes) {d.FixedAccrualStart:yyyy-MM-dd} to {d.FixedAccrualEnd:yyyy-MM-dd}, (actual/360 classes) {d.FloaterAccrualStart:yyyy-MM-dd} to {d.FloaterAccrualEnd:yyyy-MM-dd}"),
            new("1121(a)(2)", "cash received and its sources", OrNone([
                $"interest collected {M(g.Sum(x => x.InterestCollected))}", $"scheduled principal {M(g.Sum(x => x.ScheduledPrincipal))}",
                $"prepayments in full {M(g.Sum(x => x.PrepaymentsInFull))}", $"partial prepayments {M(g.Sum(x => x.Curtailments))}",
                $"liquidation proceeds {M(g.Sum(x => x.LiquidationProceeds))}", $"subsequent recoveries {M(g.Sum(x => x.SubsequentRecoveries))}",
                $"principal advances {M(g.Sum(x => x.PrincipalAdvances))} (within scheduled principal)", $"interest advances {M(g.Sum(x => x.InterestAdvances))}",
                $"compensating interest {M(g.Sum(x => x.CompensatingInterest))}", $"corridor receipts {M(corridor)}",
                $"less servicing fees retained {M(g.Sum(x => x.ServicingFees))}", $"total remitted to the trustee {M(s.Reconciliation.CashIn)}"])),
            new("1121(a)(3)", "fees and expenses paid, their purpose and recipient",
                OrNone(s.FeesPaid.Where(f => f.Amount != 0).Select(f => $"{f.Fee} {M(f.Amount)} to {f.Recipient} ({f.Purpose})"))),
            new("1121(a)(4)", "payments for credit enhancement or other support (Items 1114, 1115)",
                s.CorridorPayments.Count == 0 ? "none (no premium or maintenance fee is payable from the trust)" :
                "none paid by the trust; corridor contract receipts: " + string.Join(", ", s.CorridorPayments.Select(c => $"{c.Contract} {M(c.Amount)} (LIBOR {c.Libor * 100m:0.#####}%)"))),
            new("1121(a)(5)", "payments to certificateholders (principal, interest, other)",
                $"principal {M(s.Reconciliation.ClassPrincipal)}; interest {M(s.Reconciliation.ClassInterest)}; residual {M(s.Residual)}"),
            new("1121(a)(6)", "per class interest and principal paid, shortfalls and carryovers", string.Join("; ", classes.Select(k =>
                $"{k.Name}: interest {M(k.Interest)}{(k.CorridorPaid != 0 ? $" (corridor {M(k.CorridorPaid)})" : "")}, principal {M(k.Principal)}, " +
                $"prepayment interest shortfall {M(k.PrepaymentInterestShortfall)}, Relief Act shortfall {M(k.ReliefActShortfall)}, " +
                $"total interest shortfall {M(k.InterestShortfall)}, net rate cap shortfall carried {M(k.CapShortfall)}, unpaid interest carried {M(k.UnpaidInterest)}, " +
                $"realized loss {M(k.RealizedLoss)} (cumulative {M(k.CumulativeRealizedLoss)})"))),
            new("1121(a)(7)", "excess cash flow and its disposition",
                OrNone([Amount("to the residual class", s.Residual), .. s.Retained.Select(r => $"{r.Name} {M(r.Amount)}")],
                    "none (every dollar received was paid to the classes or as fees)")),
            new("1121(a)(8)", "beginning and ending class balances (notional amounts for notional classes), factor per $1,000",
                string.Join("; ", classes.Select(k => $"{k.Name}{(k.Notional ? " (notional)" : "")} {M(k.BeginningBalance)} → {M(k.EndingBalance)}" +
                    $"{(k.WriteUp != 0 ? $" (written up {M(k.WriteUp)})" : "")}, per $1,000 {k.EndingPer1000.ToString("0.00000000", F)}"))),
            new("1121(a)(9)", "interest rates: pass-through rate per class; pool weighted average mortgage and net rates",
                string.Join("; ", classes.Select(k => $"{k.Name} {(k.PassThroughRate is { } r ? Pct(r, 6) : "none (no coupon)")}")) + "; " +
                string.Join("; ", g.Select(x => $"group {x.Group} WAC {Pct(x.WeightedAverageMortgageRate)}, net WAC {Pct(x.WeightedAverageNetRate)}"))),
            new("1121(a)(10)", "transaction accounts: distribution account activity",
                $"distribution account: beginning 0.00, deposits {M(s.Reconciliation.CashIn)}, withdrawals {M(s.Reconciliation.CashOut - s.Retained.Sum(r => r.Amount))}, " +
                $"held at the end {M(s.Retained.Sum(r => r.Amount))}" +
                (s.CarryForwards.Count == 0 ? "" : "; carried forward: " + string.Join(", ", s.CarryForwards.Select(c => $"{c.Name} {c.Item} {M(c.Amount)}")))),
            new("1121(a)(11)", "credit enhancement: drawn this period and remaining (subordination)", OrNone([
                Amount("losses absorbed by subordinate classes", classes.Where(k => !k.Notional).Sum(k => k.RealizedLoss)),
                .. classes.Where(k => k.CreditEnhancement is not null).Select(k => $"{k.Name} {Pct(k.CreditEnhancement)}"),
                .. g.Where(x => x.PoDeferred != 0).Select(x => $"Class PO Deferred Amount group {x.Group} {M(x.PoDeferred)}")],
                "none (the deal has no subordination or other credit enhancement)")),
            new("1121(a)(12)", "pool balances, loan counts, WAC, weighted average remaining term, pool factor, prepayments", string.Join("; ", g.Select(x =>
                $"group {x.Group}: loans {x.BeginningLoanCount} → {x.LoanCount}, balance {M(x.BeginningBalance)} → {M(x.EndingBalance)}, " +
                $"WAC {Pct(x.WeightedAverageMortgageRate)}, WART {(x.WeightedAverageRemainingTerm is { } t ? t.ToString("0.00", F) + " months" : "n/a")}, " +
                $"prepayments {M(x.PrepaymentsInFull + x.Curtailments)}"))),
            new("1121(a)(13)", "delinquencies and losses", string.Join("; ", g.Select(x =>
                $"group {x.Group}: " + string.Join(", ", x.Delinquencies.Where(b => b.Status != Delinquency.Current).Select(b => $"{DelinquencyCodes.Code(b.Status)} {b.LoanCount} / {M(b.Balance)}")) +
                $", realized losses {M(x.RealizedLosses)}, cumulative {M(x.CumulativeRealizedLosses)}"))),
            new("1121(a)(14)", "advances made and reimbursed", OrNone([
                Amount("principal advanced", g.Sum(x => x.PrincipalAdvances)), Amount("interest advanced", g.Sum(x => x.InterestAdvances))],
                "none made") + "; reimbursed: none reported separately (liquidation proceeds are remitted net of the servicer's reimbursements)"),
            new("1121(a)(15)", "modifications, extensions or waivers", s.Modifications.Count == 0 ? "none" :
                $"{s.Modifications.Count} loans modified, balance {M(s.Modifications.Sum(m => m.EndingBalance))}: " + string.Join(", ", s.Modifications.Select(m =>
                    $"{m.LoanId} (group {m.Group}{(m.ModifiedRate is { } r ? $", rate {r.ToString("0.###", F)}%" : "")}{(m.ModifiedTerm is { } t ? $", term {t} months" : "")})"))),
            new("1121(a)(16)", "material breaches of representations, warranties or covenants", "none reported to the trustee"),
            new("1121(a)(17)", "trigger tests: value, threshold, result", OrNone(s.Triggers.Where(t => IsTest(t.Name)).Select(Test)
                .Concat(g.Where(x => x.SeniorPercentage is not null).Select(x =>
                    $"group {x.Group}: Senior Percentage {Pct(x.SeniorPercentage)}, Senior Prepayment Percentage {Pct(x.SeniorPrepaymentPercentage)}")),
                "none (the deal has no shifting-interest tests)")),
            new("1121(a)(18)", "pool changes: substitutions, repurchases, additions, new issuance", "none (no substitution, repurchase or prefunding reported)"),
            new("1121(a)(19)", "changes in underwriting or pool selection criteria", "none"),
        };
        return lines;
    }

    private static string Test(Distribution.TriggerResult t) => t.Name == TriggerFigures.TwoTimes
        ? $"{t.Name}: Subordinate Percentage {t.Observed.ToString("0.0000", F)} times its cut-off value, threshold {t.Threshold.ToString("0", F)}, {(t.Passed ? "met" : "not met")}"
        : $"{t.Name}: {Pct(t.Observed)}, threshold {Pct(t.Threshold)}, {(t.Passed ? "pass" : "fail")}";

    private static bool IsTest(string name) => name is TriggerFigures.StepDownDelinquency or TriggerFigures.StepDownLoss or TriggerFigures.TwoTimes;
}
