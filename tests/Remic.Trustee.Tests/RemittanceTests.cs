using Dapper;
using Remic.Core;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Tests.Support;
using static Remic.Trustee.Tests.Support.TestDeal;

namespace Remic.Trustee.Tests;

public sealed class RemittanceTests
{
    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void A_good_file_is_stored_raw_and_parsed_with_prior_balances_from_the_ledger(string kind)
    {
        using var ledger = new TestLedger(kind);
        DealRegistry.Register(ledger.Db, Small(), "tester");
        var result = RemittanceImporter.Import(ledger.Db, Id, First, "may.csv", SmallMay(), "servicer-desk");

        Assert.Equal((3, AuditLog(SmallMay()), false), (result.Rows, result.Sha256, result.Replaced));
        using var c = ledger.Db.Connect();
        Assert.Equal(SmallMay(), c.QuerySingle<string>("SELECT content FROM remittances"));
        // L2 left prior_balance empty: the ledger's cut-off balance is recorded.
        Assert.Equal(5_000_000L, c.QuerySingle<long>("SELECT prior_balance_cents FROM remittance_rows WHERE loan_id = 'L2'"));
        Assert.Equal(("2004-05-14", "current", 3), c.QuerySingle<(string, string, int)>(
            "SELECT paid_through_date, delinquency, row_number FROM remittance_rows WHERE loan_id = 'L2'"));
        Assert.Equal(("30", 7_892_500L), c.QuerySingle<(string, long)>("SELECT delinquency, ending_balance_cents FROM remittance_rows WHERE loan_id = 'L3'"));
        Assert.Equal("remitted", c.QuerySingle<string>("SELECT state FROM periods"));
        var audit = Ledger.AuditLog.Read(c, Id).Last();
        Assert.Equal(("remit", "servicer-desk", "2004-05", "imported may.csv: 3 loan rows"), (audit.Action, audit.Actor, audit.Period, audit.Details));
    }

    [Fact]
    public void Byte_order_mark_crlf_and_column_order_are_accepted()
    {
        var lines = SmallMay().TrimEnd('\n').Split('\n').Select(l => l.Split(',')).ToArray();
        // Move the last column (modified) to the front, write CRLF with a UTF-8 BOM.
        var text = "\uFEFF" + string.Join("\r\n", lines.Select(f => string.Join(",", f[^1..].Concat(f[..^1])))) + "\r\n";
        var (rows, errors) = RemittanceCsv.Parse("may.csv", text);
        Assert.Empty(errors);
        Assert.Equal(["L1", "L2", "L3"], rows.Select(r => r.LoanId));
        Assert.Equal((78_925.00m, Delinquency.Days30, false), (rows[2].EndingBalance, rows[2].Delinquency, rows[2].Modified));
    }

    [Fact]
    public void Prior_balance_column_may_be_left_out()
    {
        var text = string.Join("\n", SmallMay().TrimEnd('\n').Split('\n').Select(l => { var f = l.Split(',').ToList(); f.RemoveAt(2); return string.Join(",", f); }));
        var (rows, errors) = RemittanceCsv.Parse("may.csv", text);
        Assert.Empty(errors);
        Assert.All(rows, r => Assert.Null(r.PriorBalance));
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void A_remitted_period_can_be_replaced_and_the_audit_says_so(string kind)
    {
        using var ledger = new TestLedger(kind);
        DealRegistry.Register(ledger.Db, Small(), "tester");
        RemittanceImporter.Import(ledger.Db, Id, First, "may.csv", SmallMay(), "tester");
        var fixedFile = SmallMay().Replace("500.00,20.83", "500.01,20.83");
        var r = RemittanceImporter.Import(ledger.Db, Id, First, "may-v2.csv", fixedFile, "tester", replace: true);
        Assert.True(r.Replaced);
        using var c = ledger.Db.Connect();
        Assert.Equal((1L, "may-v2.csv"), c.QuerySingle<(long, string)>("SELECT COUNT(*), MAX(file_name) FROM remittances"));
        Assert.Equal(50_001L, c.QuerySingle<long>("SELECT interest_collected_cents FROM remittance_rows WHERE loan_id = 'L1'"));
        Assert.Equal(["init", "remit", "remit-replace"], Ledger.AuditLog.Read(c, Id).Select(a => a.Action));
    }

    private static string AuditLog(string text) => Ledger.AuditLog.Sha256(text);
}
