using System.Globalization;
using System.Text.Json;

namespace Remic.Cli.Tests;

/// <summary>
/// The trustee's operations views (status, periods, audit, loan), a mistyped --db, capped error lists with the root cause
/// first, rep lines expanded into loans for simulate, and class balances that miss the pool by cents (bad input, exit 2).
/// </summary>
public class TrusteeOperationsTests
{
    private static string Sample => CwaltExampleDeals.PathOf("sample");

    /// <summary>The sample deal with April closed (by actor "ops") and May remitted, not closed.</summary>
    private static (Cli.TempDir Tmp, string Db) AprilClosedMayOpen()
    {
        var tmp = new Cli.TempDir();
        var db = tmp.File("ledger.db");
        Assert.Equal(0, Cli.Run("trustee", "init", Sample, "--db", db).Code);
        Assert.Equal(0, Cli.Run("trustee", "simulate", Sample, "--months", "3", "--default", "2 CDR", "--severity", "40", "--lag", "6", "--out", tmp.File("sim")).Code);
        Assert.Equal(0, Cli.Run("trustee", "remit", "2004-S1", "--period", "2004-04", "--file", tmp.File("sim/remittance-2004-04.csv"), "--db", db, "--actor", "ops").Code);
        Assert.Equal(0, Cli.Run("trustee", "close", "2004-S1", "--period", "2004-04", "--db", db, "--actor", "ops").Code);
        Assert.Equal(0, Cli.Run("trustee", "remit", "2004-S1", "--period", "2004-05", "--file", tmp.File("sim/remittance-2004-05.csv"), "--db", db).Code);
        return (tmp, db);
    }

    [Fact]
    public void Status_shows_each_deal_its_periods_and_the_next_step()
    {
        var (tmp, db) = AprilClosedMayOpen();
        using var _ = tmp;
        var txt = Cli.Run("trustee", "status", "--db", db);
        Assert.Equal(0, txt.Code);
        Assert.Matches(@"2004-S1\s+2004-04\s+415\s+\d+\s+90,000,000\.00\s+[\d,]+\.\d\d\s+1\s+2004-04\s+2004-05\s+close 2004-05", txt.Out);

        using var doc = JsonDocument.Parse(Cli.Run("trustee", "status", "2004-S1", "--format", "json", "--db", db).Out);
        var s = doc.RootElement.EnumerateArray().Single();
        Assert.Equal(("2004-S1", 415, 90_000_000m, 1, "2004-04", "2004-05", "close 2004-05"),
            (s.GetProperty("deal_id").GetString(), s.GetProperty("loans").GetInt32(), s.GetProperty("cutoff_balance").GetDecimal(),
             s.GetProperty("periods_closed").GetInt32(), s.GetProperty("last_closed").GetString(), s.GetProperty("open_period").GetString(), s.GetProperty("next").GetString()));

        var empty = tmp.File("empty.db");
        Assert.Equal(0, Cli.Run("trustee", "init", Sample, "--db", empty, "--deal-id", "X").Code);
        Assert.Contains("remit 2004-04", Cli.Run("trustee", "status", "--db", empty).Out);
        Assert.Equal((2, "", "error: deal deal id: got 'Y'; a deal registered with `remic trustee init`; this ledger holds X\n"),
            Cli.Run("trustee", "status", "Y", "--db", empty));
    }

    [Fact]
    public void Periods_list_states_and_what_each_close_paid()
    {
        var (tmp, db) = AprilClosedMayOpen();
        using var _ = tmp;
        using var doc = JsonDocument.Parse(Cli.Run("trustee", "periods", "2004-S1", "--format", "json", "--db", db).Out);
        var rows = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["2004-04", "2004-05"], rows.Select(r => r.GetProperty("period").GetString()));
        Assert.Equal(["closed", "remitted"], rows.Select(r => r.GetProperty("state").GetString()));
        // April lost nothing (lag 6): the classes were paid the collateral's principal, summed here from the CSV, less at most a cent
        // a loan — the servicer rounds each loan's interest and fee to the cent, and Available Funds pay interest before principal.
        var csv = File.ReadLines(tmp.File("sim/remittance-2004-04.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        var principal = csv.Sum(f => D(f[3]) + D(f[4]) + D(f[5]) + D(f[11]));
        Assert.InRange(principal - rows[0].GetProperty("class_principal").GetDecimal(), 0m, 0.01m * csv.Length);
        Assert.Equal(csv.Sum(f => D(f[13])), rows[0].GetProperty("remitted_ending_balance").GetDecimal());
        Assert.Equal(0m, rows[0].GetProperty("realized_losses").GetDecimal());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("class_principal").ValueKind);
        Assert.Equal(415, rows[0].GetProperty("rows").GetInt32());
        Assert.Matches(@"2004-05\s+remitted\s+remittance-2004-05\.csv", Cli.Run("trustee", "periods", "2004-S1", "--db", db).Out);
    }

    [Fact]
    public void Audit_log_is_filtered_by_action_period_actor_and_count()
    {
        var (tmp, db) = AprilClosedMayOpen();
        using var _ = tmp;
        string[] Actions(params string[] filter)
        {
            var r = Cli.Run(["trustee", "audit", "--format", "json", "--db", db, .. filter]);
            Assert.True(r.Code == 0, r.Err);
            using var doc = JsonDocument.Parse(r.Out);
            return doc.RootElement.EnumerateArray().Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("period").GetString()}").ToArray();
        }
        Assert.Equal(["init ", "remit 2004-04", "close 2004-04", "remit 2004-05"], Actions());
        Assert.Equal(["remit 2004-04", "remit 2004-05"], Actions("--action", "remit"));
        Assert.Equal(["remit 2004-04", "close 2004-04"], Actions("--period", "2004-04"));
        Assert.Equal(["remit 2004-04", "close 2004-04"], Actions("--actor", "ops"));
        Assert.Equal(["remit 2004-05"], Actions("2004-S1", "--last", "1"));
        Assert.Equal([], Actions("--since", "2099-01-01"));
        Assert.Equal((2, "error: --last: got '0'; a number of entries, 1 or more\n"), (Cli.Run("trustee", "audit", "--last", "0", "--db", db) is var r ? (r.Code, r.Err) : default));
        var txt = Cli.Run("trustee", "audit", "--action", "init", "--db", db).Out;
        Assert.Contains("registered ", txt);
        Assert.Contains("group 1 rep line 1-discount: 10,000,000.00 as 50 loans of equal balance (its loan_count)", txt);
    }

    [Fact]
    public void Loan_shows_its_registration_and_each_month()
    {
        var (tmp, db) = AprilClosedMayOpen();
        using var _ = tmp;
        using var doc = JsonDocument.Parse(Cli.Run("trustee", "loan", "2004-S1", "1-discount-001", "--format", "json", "--db", db).Out);
        var loan = doc.RootElement.GetProperty("loan");
        // 10,000,000 over 50 loans; 5.50% gross less 0.25% servicing.
        Assert.Equal(("1", 200_000m, 0.055m, 0.0025m), (loan.GetProperty("group").GetString(), loan.GetProperty("cutoff_balance").GetDecimal(),
            loan.GetProperty("gross_rate").GetDecimal(), loan.GetProperty("servicing_fee_rate").GetDecimal()));
        var months = doc.RootElement.GetProperty("months").EnumerateArray().ToArray();
        Assert.Equal(["2004-04 closed", "2004-05 remitted"], months.Select(m => $"{m.GetProperty("period").GetString()} {m.GetProperty("state").GetString()}"));
        Assert.Equal(200_000m, months[0].GetProperty("prior_balance").GetDecimal());
        Assert.Equal(months[0].GetProperty("ending_balance").GetDecimal(), months[1].GetProperty("prior_balance").GetDecimal());
        Assert.Equal(months[0].GetProperty("ending_balance").GetDecimal(), loan.GetProperty("current_balance").GetDecimal());

        Assert.Equal((2, "", "error: loan loan id: got 'nope'; a loan of deal 2004-S1 (its ids look like 1-discount-001, 1-discount-002, 1-discount-003)\n"),
            Cli.Run("trustee", "loan", "2004-S1", "nope", "--db", db));
    }

    public static IEnumerable<object[]> LedgerCommands() =>
    [
        [new[] { "status" }], [new[] { "periods", "S" }], [new[] { "audit" }], [new[] { "loan", "S", "L" }],
        [new[] { "close", "S", "--period", "2004-04" }], [new[] { "statement", "S", "--period", "2004-04" }],
        [new[] { "reopen", "S", "--period", "2004-04", "--reason", "x" }],
    ];

    [Theory]
    [MemberData(nameof(LedgerCommands))]
    public void A_mistyped_db_is_refused_and_no_ledger_is_created(string[] args)
    {
        using var tmp = new Cli.TempDir();
        var typo = tmp.File("ledgr.db");
        var r = Cli.Run(["trustee", .. args, "--db", typo]);
        Assert.Equal((2, "", $"error: --db: got '{typo}'; an existing ledger; there is no file {typo} (`remic trustee init deal.yaml` creates a ledger; --db or REMIC_DB names it, default remic.db)\n"),
            (r.Code, r.Out, r.Err.Replace(typo.Length > 57 ? typo[..57] + "..." : typo, typo)));
        Assert.False(File.Exists(typo));
    }

    [Fact]
    public void A_remittance_built_on_other_balances_lists_the_root_cause_first_and_is_capped()
    {
        var (tmp, db) = AprilClosedMayOpen();
        using var _ = tmp;
        Assert.Equal(0, Cli.Run("trustee", "close", "2004-S1", "--period", "2004-05", "--db", db).Code);
        // June from another seed: its loans' balances came from a different April and May.
        Assert.Equal(0, Cli.Run("trustee", "simulate", Sample, "--months", "3", "--seed", "99", "--out", tmp.File("other")).Code);
        var r = Cli.Run("trustee", "remit", "2004-S1", "--period", "2004-06", "--file", tmp.File("other/remittance-2004-06.csv"), "--db", db);
        Assert.Equal(2, r.Code);
        var lines = r.Err.TrimEnd('\n').Split('\n');
        Assert.Equal(Remic.Core.RemicInputException.MaxShown + 1, lines.Length); // the first 100, then a line counting the rest
        Assert.Matches(@"^error: remittance-2004-06\.csv prior_balance: got '\d+ of \d+ rows'; every row's prior balance equal to the ledger's balance after the last closed period; this file does not continue from it", lines[0]);
        Assert.Matches(@"^error: .*\d+ more errors not shown \(\d+ in all\)", lines[^1]);

        // Another month's file under the wrong --period: one error, the cause.
        var wrong = Cli.Run("trustee", "remit", "2004-S1", "--period", "2004-06", "--file", tmp.File("sim/remittance-2004-05.csv"), "--db", db);
        Assert.Equal((2, "error: remittance-2004-05.csv period: got '2004-05'; the period being remitted, 2004-06: every row is for 2004-05 (another month's file, or the wrong --period?)\n"),
            (wrong.Code, wrong.Err));
    }

    /// <summary>
    /// Rep lines without loan_count become balance / 200,000 loans (stated), e.g. a 294,600,000 line → 1,473 loans, so no single
    /// simulated loan pays off hundreds of millions; the same seed writes the same files, another seed different ones.
    /// </summary>
    [Fact]
    public void Simulate_expands_rep_lines_into_loans_and_says_so()
    {
        using var tmp = new Cli.TempDir();
        var deal = tmp.File("d.yaml", File.ReadAllText(Sample)
            .Replace(", loan_count: 180 }", " }"));
        var a = Cli.Run("trustee", "simulate", deal, "--months", "2", "--seed", "3", "--out", tmp.File("a"));
        Assert.True(a.Code == 0, a.Err);
        Assert.Contains("  group 1 rep line 1-premium: 40,000,000.00 as 200 loans of equal balance (no loan_count: balance / 200,000, a typical Alt-A loan)\n", a.Out);
        Assert.StartsWith($"wrote 2 remittance files for 2004-S1 (435 loans, 2004-04 on)", a.Out);
        var april = File.ReadLines(tmp.File("a/remittance-2004-04.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(435, april.Length);
        Assert.Equal(200, april.Count(f => f[0].StartsWith("1-premium-", StringComparison.Ordinal)));
        Assert.True(april.Max(f => D(f[2])) <= 218_750m); // 35,000,000 / 160, the largest of the sample's loans
        Assert.Equal(0, Cli.Run("trustee", "simulate", deal, "--months", "2", "--seed", "3", "--out", tmp.File("b")).Code);
        Assert.Equal(0, Cli.Run("trustee", "simulate", deal, "--months", "2", "--seed", "4", "--out", tmp.File("c")).Code);
        Assert.Equal(File.ReadAllText(tmp.File("a/remittance-2004-05.csv")), File.ReadAllText(tmp.File("b/remittance-2004-05.csv")));
        Assert.NotEqual(File.ReadAllText(tmp.File("a/remittance-2004-05.csv")), File.ReadAllText(tmp.File("c/remittance-2004-05.csv")));
    }

    [Fact]
    public void Every_example_rep_line_states_a_realistic_loan_count()
    {
        foreach (var example in TrusteeExampleCycleTests.ExampleDeals().Select(x => (string)x[0]))
        {
            var deal = Remic.Deals.Loading.DealLoader.Load(Path.Combine(CwaltExampleDeals.RepoRoot(), "examples", example));
            foreach (var line in deal.Groups.Where(g => g.TapePath is null).SelectMany(g => g.Loans))
            {
                Assert.True(line.LoanCountStated, $"{example} rep line {line.Id} has no loan_count");
                var average = line.Balance / line.LoanCount;
                Assert.InRange(average, 100_000, 400_000); // an Alt-A loan of the period, not one giant loan
            }
        }
    }

    /// <summary>
    /// Class balances 80 cents short of the pool (B-3 at 449,999.20): the loader refuses the file (exit 2, "must agree to the cent")
    /// for `run` and `trustee init`; before, it allowed $1.00 and every projection then failed its check with exit 3, "a bug".
    /// </summary>
    [Fact]
    public void Class_balances_short_of_the_pool_by_cents_are_bad_input()
    {
        using var tmp = new Cli.TempDir();
        var text = File.ReadAllText(Sample);
        var at = text.IndexOf("balance: 450000,", StringComparison.Ordinal);
        var deal = tmp.File("d.yaml", text[..at] + "balance: 449999.20," + text[(at + "balance: 450000,".Length)..]);
        var expected = "classes: the class balances add up to 89,999,999.20 but the loan groups' cut-off balance is 90,000,000.00 (difference -0.80); they must agree to the cent\n";
        var init = Cli.Run("trustee", "init", deal, "--db", tmp.File("l.db"));
        Assert.Equal(2, init.Code);
        Assert.StartsWith($"error: {deal}:", init.Err);
        Assert.EndsWith(expected, init.Err);
        Assert.Equal(2, Cli.Run("run", deal).Code); // `run` prints its errors to the console's stderr, not the captured one
        Assert.False(File.Exists(tmp.File("l.db")));
    }

    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);
}
