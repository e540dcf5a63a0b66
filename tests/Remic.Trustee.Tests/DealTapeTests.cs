using System.Security.Cryptography;
using Dapper;
using Remic.Collateral;
using Remic.Collateral.Tape;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Trustee.Periods;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Simulation;
using Remic.Trustee.Tests.Support;
using Remic.Trustee.Waterfall;

namespace Remic.Trustee.Tests;

/// <summary>
/// A deal whose group reads a loan tape: `init` stores the tape (migration 4, deal_tapes) and every close runs on that
/// copy, so a tape changed or deleted on disk after registration changes nothing. A deal registered before migration 4
/// reads its tape from disk once and stores it.
/// </summary>
public sealed class DealTapeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("remic-tape-ledger-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static IEnumerable<object[]> Kinds() => TestLedger.Kinds();

    private const string DealText = """
        deal:
          trust_name: Tape Trust
          series: 2004-TT
          cutoff_date: 2004-03-01
          closing_date: 2004-03-30
          first_distribution_date: 2004-04-25
        groups:
          - name: "1"
            servicing_fee: 0.25
            trustee_fee: 0.01
            tape: pool.csv
        classes:
          - { name: A-1, group: "1", balance: 600000, type: senior, coupon: 5.5 }
          - { name: A-2, group: "1", balance: 400000, type: senior, coupon: 5.5 }
        waterfall:
          - pay_interest: { from: "1", classes: [A-1, A-2] }
          - pay_principal: { from: "1", amount: senior_principal, to: { sequential: [A-1, A-2] } }
        """;

    /// <summary>Ten loans of 100,000.00 at 6.00% to 6.45%; <paramref name="bump"/> raises every rate (a changed tape).</summary>
    private static string Tape(double bump = 0) => TapeWriter.ToCsv(Enumerable.Range(0, 10).Select(i => new Loan
    {
        Id = $"T{i:00}", Group = "1", Balance = 100_000, OriginalBalance = 100_000, GrossRate = 0.06 + 0.0005 * i + bump, ServicingFee = 0.0025,
        OriginalTerm = 360, RemainingTerm = 358, Age = 2, Fico = 700, OriginalLtv = 0.8, State = "CA", PropertyType = "SFR",
        Occupancy = "PRIMARY", Purpose = "PURCHASE", Documentation = "FULL",
    }).ToList());

    private string Deal()
    {
        File.WriteAllText(Path.Combine(_dir, "pool.csv"), Tape());
        var path = Path.Combine(_dir, "deal.yaml");
        File.WriteAllText(path, DealText);
        return path;
    }

    private static List<(Period Period, string Csv)> Months(DealRegistration reg) =>
        new RemittanceSimulator(reg.Loans, reg.FirstPeriod, new SimulationOptions(2, Speed.Prepay("300 PSA"), Speed.Default("0 CDR"), 0, 0, 0, 5)).Run().ToList();

    /// <summary>Remits and closes the months, the deal read from the ledger for each close as `trustee close` does; between the months, <paramref name="between"/>.</summary>
    private static string CloseAll(TestLedger ledger, string dealId, List<(Period Period, string Csv)> months, Action<int>? between = null)
    {
        for (var i = 0; i < months.Count; i++)
        {
            between?.Invoke(i);
            RemittanceImporter.Import(ledger.Db, dealId, months[i].Period, "r.csv", months[i].Csv, "test");
            var r = new PeriodCloser(ledger.Db, new WaterfallCalculator(DealFile.FromLedger(ledger.Db, dealId))).Close(dealId, months[i].Period, new(), "test");
            Assert.Equal(CloseOutcome.Closed, r.Outcome);
        }
        using var c = ledger.Db.Connect();
        return string.Join("\n", c.Query<string>(
            "SELECT period || ' ' || class_name || ' ' || CAST(interest_paid_cents AS TEXT) || ' ' || CAST(principal_paid_cents AS TEXT) || ' ' || CAST(ending_balance_cents AS TEXT) FROM class_periods ORDER BY period, class_name"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Init_stores_the_tape_and_closes_use_it_after_the_file_changes_or_goes(string kind)
    {
        var path = Deal();
        var bytes = File.ReadAllBytes(Path.Combine(_dir, "pool.csv"));
        var reg = DealFile.Registration(path);
        var months = Months(reg);

        string intact;
        using (var twin = new TestLedger(kind))
        {
            DealRegistry.Register(twin.Db, reg, "test");
            intact = CloseAll(twin, reg.DealId, months);
        }

        using var ledger = new TestLedger(kind);
        DealRegistry.Register(ledger.Db, DealFile.Registration(path), "test");
        using (var c = ledger.Db.Connect())
        {
            var row = c.QuerySingle<(string file_name, byte[] content, string sha256, long size_bytes)>("SELECT file_name, content, sha256, size_bytes FROM deal_tapes");
            Assert.Equal((Path.Combine(_dir, "pool.csv"), Convert.ToHexStringLower(SHA256.HashData(bytes)), (long)bytes.Length), (row.file_name, row.sha256, row.size_bytes));
            Assert.Equal(bytes, row.content);
            Assert.Equal(1L, c.ExecuteScalar<long>("SELECT tapes_stored FROM deals"));
        }

        var changed = CloseAll(ledger, reg.DealId, months, i =>
        {
            var tape = Path.Combine(_dir, "pool.csv");
            if (i == 0)
            {
                File.WriteAllText(tape, Tape(bump: 0.01));
                // The file on disk now says 7.00%: a close that read it would pay other interest.
                Assert.Equal(0.07, DealLoader.Load(path).Groups[0].Loans[0].GrossRate, 12);
            }
            else File.Delete(tape);
            Assert.Equal(0.06, DealFile.FromLedger(ledger.Db, reg.DealId).Groups[0].Loans[0].GrossRate, 12);
        });
        Assert.Equal(intact, changed);
        Assert.Contains("2004-04 A-1", intact);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_deal_registered_before_migration_4_reads_its_tape_once_and_stores_it(string kind)
    {
        var path = Deal();
        using var ledger = new TestLedger(kind);
        var reg = DealFile.Registration(path);
        DealRegistry.Register(ledger.Db, reg, "test");
        // As migration 4 leaves a deal registered before it: no stored tape, tapes_stored 0.
        using (var c = ledger.Db.Connect())
        {
            c.Execute("DELETE FROM deal_tapes");
            c.Execute("UPDATE deals SET tapes_stored = 0");
        }
        long Stores()
        {
            using var c = ledger.Db.Connect();
            return c.ExecuteScalar<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'store-tapes'");
        }

        Assert.Equal(0.06, DealFile.FromLedger(ledger.Db, reg.DealId).Groups[0].Loans[0].GrossRate, 12);
        Assert.Equal(1, Stores());
        File.Delete(Path.Combine(_dir, "pool.csv"));
        Assert.Equal(0.06, DealFile.FromLedger(ledger.Db, reg.DealId).Groups[0].Loans[0].GrossRate, 12);
        Assert.Equal(1, Stores());
        using (var c = ledger.Db.Connect())
            Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM deal_tapes"));
    }

    [Fact]
    public void A_legacy_deal_whose_tape_is_gone_is_refused_at_the_tape_line()
    {
        var path = Deal();
        using var ledger = new TestLedger("sqlite");
        var reg = DealFile.Registration(path);
        DealRegistry.Register(ledger.Db, reg, "test");
        using (var c = ledger.Db.Connect())
        {
            c.Execute("DELETE FROM deal_tapes");
            c.Execute("UPDATE deals SET tapes_stored = 0");
        }
        File.Delete(Path.Combine(_dir, "pool.csv"));
        var e = Assert.Throws<RemicInputException>(() => DealFile.FromLedger(ledger.Db, reg.DealId));
        Assert.Equal($"{path}:11:11 groups[0].tape: got 'pool.csv'; no tape file at {Path.Combine(_dir, "pool.csv")} (tape paths are relative to the deal file)", e.Message);
    }
}
