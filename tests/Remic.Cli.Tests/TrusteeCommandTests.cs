using System.Globalization;
using System.Text.Json;

namespace Remic.Cli.Tests;

/// <summary>`remic trustee ...` end to end in-process: init → simulate → remit + close → statements, and bad inputs with exact messages.</summary>
public class TrusteeCommandTests
{
    private static string Repo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Remic.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    private static string Sample => Path.Combine(Repo(), "examples", "sample", "deal.yaml");

    [Fact]
    public void Init_simulate_remit_close_and_statements_for_six_months()
    {
        using var tmp = new Cli.TempDir();
        var db = tmp.File("ledger.db");
        var init = Cli.Run("trustee", "init", Sample, "--db", db);
        Assert.Equal((0, "2004-S1\n", ""), init);
        var sim = Cli.Run("trustee", "simulate", Sample, "--months", "6", "--prepay", "100 PPC", "--default", "2 CDR", "--severity", "40",
            "--lag", "2", "--delinquency", "3", "--seed", "1", "--out", tmp.File("sim"));
        Assert.Equal(0, sim.Code);
        Assert.Equal($"wrote 6 remittance files for 2004-S1 (415 loans, 2004-04 on) to {tmp.File("sim")}\n" +
                     "  group 1 rep line 1-discount: 10,000,000.00 as 50 loans of equal balance (its loan_count)\n" +
                     "  group 1 rep line 1-premium: 40,000,000.00 as 180 loans of equal balance (its loan_count)\n" +
                     "  group 2 rep line 2-discount: 5,000,000.00 as 25 loans of equal balance (its loan_count)\n" +
                     "  group 2 rep line 2-premium: 35,000,000.00 as 160 loans of equal balance (its loan_count)\n" +
                     "  each loan's payoffs, curtailments, defaults and delinquencies are drawn from --seed 1: the same seed writes the same files\n", sim.Out);

        decimal remitted = 0, paid = 0;
        for (var m = 4; m <= 9; m++)
        {
            var p = $"2004-{m:D2}";
            var file = tmp.File(Path.Combine("sim", $"remittance-{p}.csv"));
            Assert.Equal(0, Cli.Run("trustee", "remit", "2004-S1", "--period", p, "--file", file, "--db", db).Code);
            var close = Cli.Run("trustee", "close", "2004-S1", "--period", p, "--libor", "1.1", "--db", db);
            Assert.Equal(0, close.Code);
            Assert.StartsWith($"2004-S1 {p} closed: cash in ", close.Out);
            remitted += File.ReadLines(file).Skip(1).Select(l => l.Split(',')).Sum(f =>
                D(f[3]) + D(f[4]) + D(f[5]) + D(f[11]) + D(f[7]) + D(f[10]) - D(f[8]));
            var json = Cli.Run("trustee", "statement", "2004-S1", "--period", p, "--format", "json", "--db", db);
            Assert.Equal(0, json.Code);
            using var doc = JsonDocument.Parse(json.Out);
            var root = doc.RootElement;
            // snake_case names, as every command's JSON.
            Assert.True(root.TryGetProperty("distribution_date", out _));
            paid += root.GetProperty("classes").EnumerateArray().Sum(k => k.GetProperty("interest").GetDecimal() + k.GetProperty("principal").GetDecimal())
                    + root.GetProperty("fees").EnumerateArray().Sum(f => f.GetProperty("amount").GetDecimal())
                    + root.GetProperty("retained").EnumerateArray().Sum(f => f.GetProperty("amount").GetDecimal())
                    + root.GetProperty("residual").GetDecimal();
        }
        Assert.Equal(remitted, paid);

        var again = Cli.Run("trustee", "close", "2004-S1", "--period", "2004-09", "--db", db);
        Assert.Equal(0, again.Code);
        Assert.StartsWith("2004-S1 2004-09 is already closed (close ", again.Out);

        var txt = Cli.Run("trustee", "statement", "2004-S1", "--period", "2004-09", "--db", db);
        Assert.Contains("Sample Alternative Loan Trust 2004-S1 (2004-S1) — statement to certificateholders, period 2004-09, distribution date 2004-09-25", txt.Out);
        foreach (var section in new[] { "Distribution by class", "Per $1,000 of original balance", "Collateral by loan group", "Delinquency", "Reconciliation: cash in = cash out" })
            Assert.Contains(section, txt.Out);
        Assert.Matches(@"difference\s+0\.00", txt.Out);
        var csv = Cli.Run("trustee", "statement", "2004-S1", "--period", "2004-09", "--format", "csv", "--db", db);
        Assert.Contains("# Per $1,000 of original balance\n", csv.Out);
        var html = tmp.File("s.html");
        Assert.Equal((0, $"wrote {html}\n", ""), Cli.Run("trustee", "statement", "2004-S1", "--period", "2004-09", "--format", "html", "--out", html, "--db", db));
        Assert.Contains("<h2", File.ReadAllText(html));

        var reopen = Cli.Run("trustee", "reopen", "2004-S1", "--period", "2004-09", "--reason", "restated by servicer", "--db", db);
        Assert.Equal(0, reopen.Code);
        Assert.Equal((2, "", "error: 2004-S1 2004-09 is not closed (state: remitted); there is nothing to report yet\n"),
            Cli.Run("trustee", "statement", "2004-S1", "--period", "2004-09", "--db", db));
        Assert.Equal(0, Cli.Run("trustee", "close", "2004-S1", "--period", "2004-09", "--db", db).Code);
    }

    /// <summary>
    /// The remainder rule (docs/trustee.md): a deal file whose Class PO is 50 cents above its loans' PO portion (and 1-A-2 50 cents
    /// below, so the classes still add up) is accepted; the first close folds the −0.50 into the PO pool's scheduled principal and
    /// closes exactly (exit 0), and from then on the Class PO equals the PO pool — the classes with principal end at the pool. A Class
    /// PO $1.50 off is still bad input (exit 2) at init, simulate and run.
    /// </summary>
    [Fact]
    public void A_class_po_within_a_dollar_closes_exactly_and_one_further_off_is_bad_input()
    {
        using var tmp = new Cli.TempDir();
        var db = tmp.File("ledger.db");
        var deal = tmp.File("d.yaml", File.ReadAllText(Sample).Replace("balance: 481818.18,", "balance: 481818.68,").Replace("balance: 16527172.73,", "balance: 16527172.23,"));
        var init = Cli.Run("trustee", "init", deal, "--db", db);
        Assert.True(init.Code == 0, init.Err);
        var id = init.Out.Trim();
        Assert.Equal(0, Cli.Run("trustee", "simulate", deal, "--months", "2", "--out", tmp.File("sim")).Code);
        foreach (var p in new[] { "2004-04", "2004-05" })
        {
            Assert.Equal(0, Cli.Run("trustee", "remit", id, "--period", p, "--file", tmp.File($"sim/remittance-{p}.csv"), "--db", db).Code);
            var close = Cli.Run("trustee", "close", id, "--period", p, "--db", db);
            Assert.True(close.Code == 0, close.Err);
        }
        Assert.Equal(0, Cli.Run("run", deal).Code);

        var far = tmp.File("far.yaml", File.ReadAllText(Sample).Replace("balance: 481818.18,", "balance: 481819.68,").Replace("balance: 16527172.73,", "balance: 16527171.23,"));
        var message = $"error: {far}:41:46 classes[5].balance: got '481819.68'; expected the PO portion of the loans at the strip rate, 481818.18 (Class PO must be within 1.00 of it)\n";
        Assert.Equal((2, "", message), Cli.Run("trustee", "init", far, "--db", tmp.File("far.db")));
        Assert.Equal((2, message), (Cli.Run("trustee", "simulate", far, "--months", "1", "--out", tmp.File("sim2")) is var r ? (r.Code, r.Err) : default));
        Assert.Equal(2, Cli.Run("run", far).Code);
        Assert.False(Directory.Exists(tmp.File("sim2")));
    }

    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    public static IEnumerable<object[]> BadInputs() =>
    [
        [new[] { "trustee", "init", "nope.yaml" }, "error: nope.yaml: the deal file does not exist\n"],
        [new[] { "trustee", "close", "X", "--period", "2004-04" }, "error: deal deal id: got 'X'; a deal registered with `remic trustee init`\n"],
        [new[] { "trustee", "remit", "S", "--period", "2004-04", "--file", "none.csv" }, "error: --file: got 'none.csv'; an existing remittance CSV file\n"],
        [new[] { "trustee", "close", "S", "--period", "2004-04", "--libor", "abc" }, "error: --libor: got 'abc'; a rate in percent from 0 to 100, e.g. 5.32\n"],
        [new[] { "trustee", "close", "S", "--period", "2004-04", "--index", "LIBOR" }, "error: --index: got 'LIBOR'; NAME=rate in percent, e.g. LIBOR_1MO=5.32\n"],
        [new[] { "trustee", "close", "S", "--period", "2004-13" }, "error: --period: got '2004-13'; expected a month as YYYY-MM, e.g. 2004-05\n"],
        [new[] { "trustee", "close", "S", "--period", "2004-04" }, "error: cannot close S 2004-04: no period has been remitted yet (first period 2004-04)\n"],
        [new[] { "trustee", "statement", "S", "--period", "2004-04" }, "error: S 2004-04 is not closed (state: no remittance); there is nothing to report yet\n"],
        [new[] { "trustee", "reopen", "S", "--period", "2004-04", "--reason", "x" }, "error: cannot reopen S 2004-04: only the latest period can be reopened (latest: none)\n"],
        [new[] { "trustee", "simulate", "SAMPLE", "--severity", "150", "--lag", "-1", "--out", "sim" },
            "error: --severity: got '150'; a loss severity percent from 0 to 100\nerror: --lag: got '-1'; months from default to liquidation, 0 to 60\n"],
        [new[] { "trustee", "simulate", "SAMPLE", "--months", "0", "--out", "sim" }, "error: --months: got '0'; a number of months from 1 to 480\n"],
    ];

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_inputs_exit_2_with_exact_messages(string[] args, string message)
    {
        using var tmp = new Cli.TempDir();
        var db = tmp.File("ledger.db");
        Assert.Equal(0, Cli.Run("trustee", "init", Sample, "--db", db, "--deal-id", "S").Code);
        var sim = Path.Combine(tmp.Path, "sim");
        var full = args.Select(a => a == "SAMPLE" ? Sample : a == "sim" ? sim : a).Concat(args[1] == "simulate" ? [] : new[] { "--db", db }).ToArray();
        var r = Cli.Run(full);
        Assert.Equal((2, message), (r.Code, r.Err));
        Assert.False(Directory.Exists(sim), "nothing written on bad input");
    }
}
