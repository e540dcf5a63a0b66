using System.Globalization;
using Dapper;
using Remic.Core;
using Remic.Trustee.Ledger;

namespace Remic.Trustee.Registry;

public sealed record RegisteredDeal(string DealId, string FileName, string Sha256, Period FirstPeriod, int LoanCount, decimal CutoffBalance);

/// <summary>`remic trustee init`: records a deal, its classes and its cut-off loans in one transaction.</summary>
public static class DealRegistry
{
    public static RegisteredDeal Register(LedgerDb db, DealRegistration reg, string actor)
    {
        var errors = Validate(reg);
        if (errors.Count > 0) throw new RemicInputException(errors);

        var sha = AuditLog.Sha256(reg.DealFileContent);
        using var c = db.Connect();
        using var tx = c.BeginTransaction();
        var existing = c.QueryFirstOrDefault<string>("SELECT sha256 FROM deals WHERE deal_id = @id", new { id = reg.DealId }, tx);
        if (existing is not null)
            throw new RemicInputException(reg.DealFileName, 0, "deal", reg.DealId,
                existing == sha ? "a deal not yet registered; this deal is already registered (same file)"
                                : "a deal not yet registered; a deal with this id is already registered from a different file");

        c.Execute("INSERT INTO deals (deal_id, file_name, content, sha256, first_period, registered_at) VALUES (@DealId, @f, @content, @sha, @fp, @at)",
            new { reg.DealId, f = reg.DealFileName, content = reg.DealFileContent, sha, fp = reg.FirstPeriod.ToString(), at = Clock.NowText() }, tx);
        c.Execute("INSERT INTO deal_classes (deal_id, class_name, seq, original_balance_cents) VALUES (@d, @n, @s, @b)",
            reg.Classes.Select((k, i) => new { d = reg.DealId, n = k.Name, s = i + 1, b = Cents.FromMoney(k.OriginalBalance) }), tx);
        BulkInsert.Rows(c, tx, "loans",
        [
            ("deal_id", ColumnType.Text), ("loan_id", ColumnType.Text), ("group_name", ColumnType.Text), ("cutoff_balance_cents", ColumnType.BigInt),
            ("gross_rate", ColumnType.Decimal), ("servicing_fee_rate", ColumnType.Decimal), ("other_fee_rate", ColumnType.Decimal),
            ("original_term", ColumnType.Int), ("remaining_term", ColumnType.Int), ("age", ColumnType.Int),
            ("current_balance_cents", ColumnType.BigInt), ("balance_period", ColumnType.Text),
        ],
        reg.Loans.Select(l =>
        {
            var cents = Cents.FromMoney(Money.ToCents(l.Balance));
            return new object?[]
            {
                reg.DealId, l.Id, l.Group, cents, Rate(l.GrossRate), Rate(l.ServicingFee), Rate(l.OtherFees),
                l.OriginalTerm, l.RemainingTerm, l.Age, cents, null,
            };
        }));
        DealTapes.Store(c, tx, reg.DealId, reg.Tapes);
        var total = reg.Loans.Sum(l => Money.ToCents(l.Balance));
        AuditLog.Append(c, tx, actor, "init", reg.DealId, null,
            $"registered {reg.DealFileName}: {reg.Loans.Count} loans, cut-off balance {total:0.00}, {reg.Classes.Count} classes, first period {reg.FirstPeriod}" +
            (reg.Expansions is { Count: > 0 } x ? "; " + string.Join("; ", DealFile.Describe(x)) : "") +
            (reg.Tapes.Count > 0 ? "; tapes stored: " + DealTapes.Describe(reg.Tapes) : ""), sha);
        tx.Commit();
        return new RegisteredDeal(reg.DealId, reg.DealFileName, sha, reg.FirstPeriod, reg.Loans.Count, total);
    }

    public static RegisteredDeal? Find(LedgerDb db, string dealId)
    {
        using var c = db.Connect();
        var row = c.QueryFirstOrDefault<(string file_name, string sha256, string first_period)>(
            "SELECT file_name, sha256, first_period FROM deals WHERE deal_id = @dealId", new { dealId });
        if (row.file_name is null) return null;
        var (count, cents) = c.QueryFirst<(long, long)>(
            "SELECT COUNT(*), CAST(COALESCE(SUM(cutoff_balance_cents), 0) AS BIGINT) FROM loans WHERE deal_id = @dealId", new { dealId });
        return new RegisteredDeal(dealId, row.file_name, row.sha256, Period.Parse(row.first_period), (int)count, Cents.ToMoney(cents));
    }

    /// <summary>Rates are kept as exact decimal text; a double's shortest round-trip form is its exact intent ("0.0675").</summary>
    internal static decimal Rate(double r) => decimal.Parse(r.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<InputError> Validate(DealRegistration reg)
    {
        var src = reg.DealFileName;
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(reg.DealId)) errors.Add(new(src, 0, "deal id", reg.DealId, "a non-empty deal id"));
        if (reg.Loans.Count == 0) errors.Add(new(src, 0, "loans", "0", "at least one cut-off loan"));
        if (reg.Classes.Count == 0) errors.Add(new(src, 0, "classes", "0", "at least one certificate class"));
        foreach (var dup in reg.Loans.GroupBy(l => l.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add(new(src, 0, "loan id", dup.Key, "each loan id once in the cut-off tape"));
        foreach (var l in reg.Loans.Where(l => !(l.Balance > 0)))
            errors.Add(new(src, 0, "balance", $"{l.Id}: {l.Balance}", "a positive cut-off balance"));
        foreach (var dup in reg.Classes.GroupBy(k => k.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add(new(src, 0, "class", dup.Key, "each class name once"));
        foreach (var k in reg.Classes.Where(k => k.OriginalBalance < 0 || k.OriginalBalance != Money.Round(k.OriginalBalance)))
            errors.Add(new(src, 0, "class balance", $"{k.Name}: {k.OriginalBalance}", "a non-negative original balance in whole cents"));
        return errors;
    }
}
