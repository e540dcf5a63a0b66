using Remic.Core;
using C = Remic.Trustee.Remittance.RemittanceColumns;

namespace Remic.Trustee.Remittance;

/// <summary>What the ledger knows before a remittance: each loan's balance after the last closed period, and its note rate (annual fraction) when known.</summary>
public sealed record LoanPosition(string Group, decimal Balance, decimal? GrossRate = null);

/// <summary>
/// Ledger checks on parsed remittance rows: every loan known and reported once, every loan still
/// outstanding reported, balances roll forward to the cent, the amounts make sense together.
/// Pure: the caller supplies the ledger's loan positions.
/// </summary>
public static class RemittanceValidator
{
    /// <param name="dealCutoffBalance">The deal's cut-off pool balance: no amount may exceed <see cref="RemittanceBounds.CutoffMultiple"/> times it (null: not checked).</param>
    public static IReadOnlyList<InputError> Validate(string file, Period period, IReadOnlyList<RemittanceRow> rows,
        IReadOnlyDictionary<string, LoanPosition> loans, bool checkMissing = true, decimal? dealCutoffBalance = null)
    {
        // The root cause alone: a file whose rows are all for another month would otherwise list every row twice over.
        if (rows.Count > 0 && rows.All(r => r.Period == rows[0].Period) && rows[0].Period != period)
            return [new(file, 0, C.Period, rows[0].Period.ToString(),
                $"the period being remitted, {period}: every row is for {rows[0].Period} (another month's file, or the wrong --period?)")];
        var errors = new List<InputError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (r.Period != period)
                errors.Add(new(file, r.Line, C.Period, r.Period.ToString(), $"the period being remitted, {period}"));
            if (seen.TryGetValue(r.LoanId, out var firstLine))
            {
                errors.Add(new(file, r.Line, C.LoanId, r.LoanId, $"each loan once; already reported on line {firstLine}"));
                continue;
            }
            seen[r.LoanId] = r.Line;
            if (!loans.TryGetValue(r.LoanId, out var pos))
            {
                errors.Add(new(file, r.Line, C.LoanId, r.LoanId, "a loan of this deal's cut-off tape"));
                continue;
            }
            var before = errors.Count;
            RemittanceBounds.Check(file, r, pos, dealCutoffBalance, errors);
            if (errors.Count == before) CheckRow(file, r, pos, errors);
        }
        if (checkMissing)
            foreach (var (id, pos) in loans.Where(kv => kv.Value.Balance > 0 && !seen.ContainsKey(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
                errors.Add(new(file, 0, C.LoanId, id, $"a row for every outstanding loan; this loan (balance {pos.Balance:0.00}) is missing"));
        // Root cause first: many rows whose prior balance is not the ledger's mean the file does not follow the last closed period.
        var off = errors.Count(e => e.Field == C.PriorBalance);
        if (off > 1)
            errors.Insert(0, new(file, 0, C.PriorBalance, $"{off} of {rows.Count} rows",
                "every row's prior balance equal to the ledger's balance after the last closed period; this file does not continue from it " +
                "(built on another month's balances, or a period was reopened or restated since?)"));
        return errors;
    }

    private static bool IsRecoveryOnly(RemittanceRow r) =>
        r.PriorBalance is null or 0 && r.ScheduledPrincipal == 0 && r.Curtailment == 0 && r.Payoff == 0 && r.InterestCollected == 0 && r.ServicingFee == 0
        && r.PrincipalAdvance == 0 && r.InterestAdvance == 0 && r.LiquidationProceeds == 0 && r.RealizedLoss == 0 && r.EndingBalance == 0
        && r.CompensatingInterest == 0 && r.PrepaymentInterestShortfall is null or 0 && r.ReliefActShortfall == 0;

    private static void CheckRow(string file, RemittanceRow r, LoanPosition pos, List<InputError> errors)
    {
        if (pos.Balance == 0)
        {
            // A loan liquidated earlier may come back only with a subsequent recovery, every other amount 0.
            if (r.SubsequentRecovery > 0 && IsRecoveryOnly(r)) return;
            errors.Add(new(file, r.Line, C.LoanId, r.LoanId, r.SubsequentRecovery > 0
                ? "a row of a subsequent recovery only (every other amount 0.00) for a loan paid off or liquidated in an earlier period"
                : "an outstanding loan; this loan was paid off or liquidated in an earlier period"));
            return;
        }
        if (r.SubsequentRecovery > 0)
            errors.Add(new(file, r.Line, C.SubsequentRecovery, $"{r.SubsequentRecovery:0.00}",
                "0.00 for a loan still outstanding (a subsequent recovery is cash on a loan liquidated in an earlier period)"));
        if (pos.GrossRate is { } note && r.ReliefActShortfall > Math.Round(pos.Balance * note / 12m, 2) + 0.01m)
            errors.Add(new(file, r.Line, C.ReliefActShortfall, $"{r.ReliefActShortfall:0.00}",
                $"at most a month's interest on the prior balance at the note rate, {Math.Round(pos.Balance * note / 12m, 2):0.00}"));
        var prepaid = r.Payoff > 0 || r.Curtailment > 0;
        if (r.CompensatingInterest > r.ServicingFee)
            errors.Add(new(file, r.Line, C.CompensatingInterest, $"{r.CompensatingInterest:0.00}",
                $"at most the servicing fee retained, {r.ServicingFee:0.00} (compensating interest comes out of the master servicer's fee)"));
        if (!prepaid && (r.CompensatingInterest > 0 || r.PrepaymentInterestShortfall > 0))
        {
            var (col, v) = r.CompensatingInterest > 0 ? (C.CompensatingInterest, r.CompensatingInterest) : (C.PrepaymentInterestShortfall, r.PrepaymentInterestShortfall!.Value);
            errors.Add(new(file, r.Line, col, $"{v:0.00}", "0.00 on a loan with no payoff or curtailment this month (only a prepayment cuts interest short)"));
        }
        if (r.PriorBalance is { } given && given != pos.Balance)
            errors.Add(new(file, r.Line, C.PriorBalance, $"{given:0.00}", $"the ledger's balance after the last closed period, {pos.Balance:0.00}"));

        var rolled = pos.Balance - r.PrincipalReduction;
        if (rolled != r.EndingBalance)
            errors.Add(new(file, r.Line, C.EndingBalance, $"{r.EndingBalance:0.00}",
                $"prior balance {pos.Balance:0.00} − scheduled principal {r.ScheduledPrincipal:0.00} − curtailment {r.Curtailment:0.00} − payoff {r.Payoff:0.00} − liquidation proceeds {r.LiquidationProceeds:0.00} − realized loss {r.RealizedLoss:0.00} = {rolled:0.00}"));
        if (r.Payoff > 0 && r.EndingBalance != 0)
            errors.Add(new(file, r.Line, C.EndingBalance, $"{r.EndingBalance:0.00}", "0.00 for a loan paid off in full (payoff > 0)"));
        if (r.Payoff > 0 && r.PaidThroughDate is null)
            errors.Add(new(file, r.Line, C.PaidThroughDate, "", "the payoff's paid-through date (YYYY-MM-DD) when payoff > 0"));
        if (r.LiquidationProceeds > 0 && r.EndingBalance != 0)
            errors.Add(new(file, r.Line, C.EndingBalance, $"{r.EndingBalance:0.00}", "0.00 for a liquidated loan (liquidation proceeds > 0)"));
        if (r.PrincipalAdvance > r.ScheduledPrincipal)
            errors.Add(new(file, r.Line, C.PrincipalAdvance, $"{r.PrincipalAdvance:0.00}", $"at most the scheduled principal, {r.ScheduledPrincipal:0.00}"));
        if (r.ServicingFee > r.InterestCollected + r.InterestAdvance)
            errors.Add(new(file, r.Line, C.ServicingFee, $"{r.ServicingFee:0.00}",
                $"at most interest collected + interest advanced, {r.InterestCollected + r.InterestAdvance:0.00}"));
        if (r.EndingBalance > 0 && r.Delinquency == Delinquency.Current && r.RealizedLoss > 0 && !r.Modified)
            errors.Add(new(file, r.Line, C.RealizedLoss, $"{r.RealizedLoss:0.00}",
                "0.00 for a current, unmodified loan still outstanding (a loss needs a liquidation or a modification)"));
    }
}
