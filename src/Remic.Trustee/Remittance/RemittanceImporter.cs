using System.Data.Common;
using Dapper;
using Remic.Core;
using Remic.Trustee.Ledger;
using Remic.Trustee.Periods;

namespace Remic.Trustee.Remittance;

public sealed record ImportResult(string DealId, Period Period, int Rows, string Sha256, bool Replaced);

/// <summary>
/// `remic trustee remit`: parse, validate against the ledger, and store a servicer remittance (raw file and
/// rows) in one transaction. Any problem rejects the whole file, listing every problem, and writes nothing.
/// </summary>
public static class RemittanceImporter
{
    public static ImportResult Import(LedgerDb db, string dealId, Period period, string fileName, string content, string actor, bool replace = false)
    {
        var (rows, errors) = RemittanceCsv.Parse(fileName, content);
        using var c = db.Connect();
        var deal = PeriodBook.FirstPeriod(c, dealId);
        if (deal is null) throw new RemicInputException("deal", 0, "deal id", dealId, "a deal registered with `remic trustee init`");

        var all = new List<InputError>();
        if (PeriodBook.WhyNotRemittable(c, dealId, period, replace) is { } why)
            all.Add(new(fileName, 0, "period", period.ToString(), why));
        all.AddRange(errors);
        // Ledger checks run on every row that parsed; "missing loan" only when every row parsed (an unreadable row may be it).
        var cutoff = Cents.ToMoney(c.ExecuteScalar<long>(
            "SELECT CAST(COALESCE(SUM(cutoff_balance_cents), 0) AS BIGINT) FROM loans WHERE deal_id = @dealId", new { dealId }));
        all.AddRange(RemittanceValidator.Validate(fileName, period, rows, LoadPositions(c, dealId), checkMissing: errors.Count == 0, cutoff));
        if (all.Count > 0) throw new RemicInputException(all);

        var sha = AuditLog.Sha256(content);
        try
        {
            return Write(c, dealId, period, fileName, content, actor, replace, rows, sha);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            // PostgreSQL (read committed) lets two importers pass the re-check; the unique key stops the second.
            throw new RemicInputException(fileName, 0, "period", period.ToString(),
                $"a period not yet remitted: another process remitted {period} at the same time");
        }
    }

    private static ImportResult Write(DbConnection c, string dealId, Period period, string fileName, string content, string actor, bool replace,
        IReadOnlyList<RemittanceRow> rows, string sha)
    {
        using var tx = c.BeginTransaction();
        // Re-check inside the transaction: another process may have remitted or closed since we looked.
        if (PeriodBook.WhyNotRemittable(c, dealId, period, replace, tx) is { } whyNow)
            throw new RemicInputException(fileName, 0, "period", period.ToString(), whyNow);
        var replaced = false;
        if (PeriodBook.Find(c, dealId, period, tx) is { } old)
        {
            replaced = true;
            c.Execute("DELETE FROM remittance_rows WHERE deal_id = @dealId AND period = @p", new { dealId, p = period.ToString() }, tx);
            c.Execute("DELETE FROM periods WHERE deal_id = @dealId AND period = @p", new { dealId, p = period.ToString() }, tx);
            c.Execute("DELETE FROM remittances WHERE remittance_id = @id", new { id = old.RemittanceId }, tx);
        }
        var remittanceId = c.ExecuteScalar<long>("""
            INSERT INTO remittances (deal_id, period, file_name, content, sha256, row_count, imported_at)
            VALUES (@dealId, @p, @fileName, @content, @sha, @n, @at) RETURNING remittance_id
            """, new { dealId, p = period.ToString(), fileName, content, sha, n = rows.Count, at = Clock.NowText() }, tx);
        InsertRows(c, tx, dealId, period, rows, LoadPositions(c, dealId, tx));
        c.Execute("INSERT INTO periods (deal_id, period, state, remittance_id) VALUES (@dealId, @p, 'remitted', @remittanceId)",
            new { dealId, p = period.ToString(), remittanceId }, tx);
        AuditLog.Append(c, tx, actor, replaced ? "remit-replace" : "remit", dealId, period.ToString(),
            $"imported {fileName}: {rows.Count} loan rows", sha);
        tx.Commit();
        return new ImportResult(dealId, period, rows.Count, sha, replaced);
    }

    private static readonly (string, ColumnType)[] Columns =
    [
        ("deal_id", ColumnType.Text), ("period", ColumnType.Text), ("loan_id", ColumnType.Text), ("row_number", ColumnType.Int),
        ("prior_balance_cents", ColumnType.BigInt), ("scheduled_principal_cents", ColumnType.BigInt), ("curtailment_cents", ColumnType.BigInt),
        ("payoff_cents", ColumnType.BigInt), ("paid_through_date", ColumnType.Text), ("interest_collected_cents", ColumnType.BigInt),
        ("servicing_fee_cents", ColumnType.BigInt), ("principal_advance_cents", ColumnType.BigInt), ("interest_advance_cents", ColumnType.BigInt),
        ("liquidation_proceeds_cents", ColumnType.BigInt), ("realized_loss_cents", ColumnType.BigInt), ("ending_balance_cents", ColumnType.BigInt),
        ("delinquency", ColumnType.Text), ("modified", ColumnType.Int),
        ("compensating_interest_cents", ColumnType.BigInt), ("prepayment_interest_shortfall_cents", ColumnType.BigInt),
        ("relief_act_shortfall_cents", ColumnType.BigInt), ("subsequent_recovery_cents", ColumnType.BigInt),
        ("modified_rate", ColumnType.Decimal), ("modified_term", ColumnType.Int),
    ];

    public static Dictionary<string, LoanPosition> LoadPositions(DbConnection c, string dealId, DbTransaction? tx = null) =>
        c.Query<(string loan_id, string group_name, long current_balance_cents, string gross_rate)>(
                "SELECT loan_id, group_name, current_balance_cents, CAST(gross_rate AS TEXT) FROM loans WHERE deal_id = @dealId", new { dealId }, tx)
            .ToDictionary(r => r.loan_id, r => new LoanPosition(r.group_name, Cents.ToMoney(r.current_balance_cents), Rate(r.gross_rate)), StringComparer.Ordinal);

    private static decimal? Rate(string? text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    private static void InsertRows(DbConnection c, DbTransaction tx, string dealId, Period period, IReadOnlyList<RemittanceRow> rows,
        Dictionary<string, LoanPosition> positions)
    {
        var p = period.ToString();
        BulkInsert.Rows(c, tx, "remittance_rows", Columns, rows.Select(r => new object?[]
        {
            dealId, p, r.LoanId, r.Line, Cents.FromMoney(positions[r.LoanId].Balance),
            Cents.FromMoney(r.ScheduledPrincipal), Cents.FromMoney(r.Curtailment), Cents.FromMoney(r.Payoff),
            r.PaidThroughDate?.ToString("yyyy-MM-dd"), Cents.FromMoney(r.InterestCollected), Cents.FromMoney(r.ServicingFee),
            Cents.FromMoney(r.PrincipalAdvance), Cents.FromMoney(r.InterestAdvance), Cents.FromMoney(r.LiquidationProceeds),
            Cents.FromMoney(r.RealizedLoss), Cents.FromMoney(r.EndingBalance), DelinquencyCodes.Code(r.Delinquency), r.Modified ? 1 : 0,
            Cents.FromMoney(r.CompensatingInterest), r.PrepaymentInterestShortfall is { } ppis ? Cents.FromMoney(ppis) : null,
            Cents.FromMoney(r.ReliefActShortfall), Cents.FromMoney(r.SubsequentRecovery), r.ModifiedRate, r.ModifiedTerm,
        }));
    }
}
