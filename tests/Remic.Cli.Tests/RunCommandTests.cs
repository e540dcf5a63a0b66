using Remic.Cli;

namespace Remic.Cli.Tests;

/// <summary>`remic run` end to end: exit codes, files written, bad input.</summary>
public class RunCommandTests
{
    private static string Root()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Remic.sln"))) d = d.Parent;
        return d!.FullName;
    }

    private static readonly string Sample = Path.Combine(Root(), "examples", "sample", "deal.yaml");

    private static int Run(params string[] args) => Program.BuildRoot().Parse(args).Invoke();

    [Fact]
    public void Writes_class_and_collateral_files_and_the_checks()
    {
        var dir = Path.Combine(Path.GetTempPath(), "remic-run-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, Run("run", Sample, "--prepay", "300 PPC", "--default", "2 CDR", "--severity", "40", "--lag", "6", "--format", "csv", "--out", dir));
        var classes = File.ReadAllLines(Path.Combine(dir, "classes.csv"));
        Assert.StartsWith("period,date,class,begin_balance,coupon,interest_due,interest_paid,interest_shortfall,unpaid_interest,principal,loss,accretion,end_balance", classes[0]);
        Assert.Contains(classes, l => l.StartsWith("1,2004-04-25,1-A-1,30000000.00,5.5,137500.00,137500.00,", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(dir, "collateral.csv")));
        Assert.Contains("checks passed every period", File.ReadAllText(Path.Combine(dir, "checks.txt")));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Theory]
    [InlineData("0 PPC", "0 CDR")]
    [InlineData("300 PPC", "5 CDR")]
    public void Class_cash_including_the_residual_adds_up_to_Available_Funds_and_the_printed_equations_balance(string prepay, string dflt)
    {
        // Issue 11 item 6: the residual's distributions are in its own row, so the classes' cash is all of Available Funds.
        var dir = Path.Combine(Path.GetTempPath(), "remic-run-" + Guid.NewGuid().ToString("N"));
        var j2 = Path.Combine(Root(), "examples", "cwalt-2004-j2", "deal.yaml");
        Assert.Equal(0, Run("run", j2, "--prepay", prepay, "--default", dflt, "--severity", "50", "--lag", "6", "--format", "csv", "--out", dir));
        var classes = Csv(Path.Combine(dir, "classes.csv"));
        var groups = Csv(Path.Combine(dir, "collateral.csv"));
        Assert.EndsWith(",corridor_paid,residual_paid", File.ReadLines(Path.Combine(dir, "classes.csv")).First());
        foreach (var period in groups.Select(r => r["period"]).Distinct())
        {
            var af = groups.Where(r => r["period"] == period).Sum(r => decimal.Parse(r["available_funds"], Inv));
            var cash = classes.Where(r => r["period"] == period)
                .Sum(r => decimal.Parse(r["interest_paid"], Inv) + decimal.Parse(r["principal"], Inv) + decimal.Parse(r["po_deferred_paid"], Inv) + decimal.Parse(r["residual_paid"], Inv));
            Assert.True(Math.Abs(af - cash) <= 0.01m * 16, $"period {period}: Available Funds {af} but the classes received {cash}");
        }
        // Residual cash shows in the residual's row (with no losses nothing is left over for it).
        var residual = classes.Sum(r => decimal.Parse(r["residual_paid"], Inv));
        Assert.Equal(residual, classes.Where(r => r["class"] == "A-R").Sum(r => decimal.Parse(r["residual_paid"], Inv)));
        if (dflt == "0 CDR") Assert.Equal(0m, residual);
        // The printed conservation line balances: left = right to the cent.
        var line = File.ReadLines(Path.Combine(dir, "checks.txt")).Single(l => l.StartsWith("collateral principal", StringComparison.Ordinal));
        var n = System.Text.RegularExpressions.Regex.Matches(line, @"-?[0-9][0-9.]*").Select(m => decimal.Parse(m.Value, Inv)).ToArray();
        Assert.Equal(6, n.Length);
        Assert.True(Math.Abs(n[0] + n[1] - (n[2] + n[3] - n[4] + n[5])) <= 0.02m, line);
        Assert.Contains("undercollateralisation at the end 0.00", line); // no class is left above the pool at the deal's end
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(','), (h, v) => (h, v)).ToDictionary(x => x.h, x => x.v)).ToList();
    }

    [Fact]
    public void Json_output_and_the_clean_up_call()
    {
        var dir = Path.Combine(Path.GetTempPath(), "remic-run-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, Run("run", Sample, "--call", "--format", "json", "--out", dir));
        var json = File.ReadAllText(Path.Combine(dir, "cashflows.json"));
        Assert.Contains("\"classes\"", json);
        Assert.Contains("clean-up call exercised in period", json);
    }

    [Fact]
    public void Bad_deal_file_exits_2()
    {
        var bad = Path.Combine(Path.GetTempPath(), "remic-bad-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(bad, File.ReadAllText(Sample).Replace("classes: [A-R, 1-A-1, 1-A-2, 1-X]", "classes: [A-R, 1-A-9, 1-A-2, 1-X]"));
        Assert.Equal(2, Run("run", bad));
    }

    [Theory]
    [InlineData("--prepay", "fast")]
    [InlineData("--severity", "140")]
    [InlineData("--index", "LIBOR_1MO=abc")]
    public void Bad_options_exit_2(string option, string value) => Assert.Equal(2, Run("run", Sample, option, value));

    [Fact]
    public void Missing_deal_file_exits_2() => Assert.Equal(2, Run("run", "/no/such/deal.yaml"));

    [Fact]
    public void A_Class_X_with_no_premium_loans_is_printed_with_no_WAL_instead_of_failing_the_run()
    {
        // Neither group 2 (5.126% gross) nor group 3 (6.322%) has a loan whose net rate is above its strip rate, so the
        // Class X notional is zero all along: nothing to receive, nothing to compute a WAL from. The run used to stop
        // with "--settle: ... the settlement date must be before the class pays off".
        var file = Path.Combine(Path.GetTempPath(), "remic-zero-x-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, ZeroNotionalDeal);
        var (code, output, error) = Cli.Run("run", file, "--prepay", "47.3155902626947 CPR", "--severity", "12.36", "--lag", "1");
        Assert.True(code == 0, error);
        var x = output.Split('\n').Single(l => l.StartsWith("X ", StringComparison.Ordinal));
        Assert.Matches(@"^X\s+Notional IO\s+0\.00 \(N\)\s+0\.000\s+0\.00\s+0\.00\s+0\.00\s+0\.00\s+0\.00\s*$", x);
        var r = output.Split('\n').Single(l => l.StartsWith("R ", StringComparison.Ordinal));
        Assert.Matches(@"^R\s+Residual\s+0\.00\s", r);
        // At 0 CDR the equations show no allocated loss (the retiring Class POs' last fraction of a cent is paid on).
        Assert.Contains("+ allocated losses 0.00 ", output);
        // The CM book too: X and R get no price/yield table and no headline, every other class does.
        var book = Path.Combine(Path.GetTempPath(), "remic-zero-x-cm-" + Guid.NewGuid().ToString("N"));
        var (cmCode, cmOut, cmErr) = Cli.Run("cm", file, "--out", book);
        Assert.True(cmCode == 0, cmErr);
        Assert.Matches(@"\n  X +0\.00 \(N\) .*nothing to receive at the pricing speed", cmOut);
        Assert.Matches(@"\n  B-1 +495,010\.14 .*WAL +[0-9.]+ yr", cmOut);
        Assert.False(File.Exists(Path.Combine(book, "price-yield-x.csv")));
        Assert.True(File.Exists(Path.Combine(book, "price-yield-b-1.csv")), string.Join(", ", Directory.GetFiles(book, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Take(40)));
    }

    private const string ZeroNotionalDeal = """
        deal:
          trust_name: Test Trust
          cutoff_date: 2004-03-01
          closing_date: 2004-03-30
          first_distribution_date: 2004-04-25
        groups:
          - name: "G1"
            servicing_fee: 0.25
            trustee_fee: 0.01
            rep_lines:
              - { balance: 364433.96, gross_rate: 8.164, remaining_term: 82, age: 17 }
              - { balance: 1332504.08, gross_rate: 8.397, remaining_term: 223, age: 16 }
              - { balance: 2308064.66, gross_rate: 5.842, remaining_term: 327, age: 11 }
          - name: "G2"
            servicing_fee: 0.25
            trustee_fee: 0.01
            strip_rate: 6.68
            rep_lines:
              - { balance: 584421.58, gross_rate: 5.126, remaining_term: 88, age: 11 }
          - name: "G3"
            servicing_fee: 0.25
            trustee_fee: 0.01
            strip_rate: 6.64
            rep_lines:
              - { balance: 3822153.04, gross_rate: 6.322, remaining_term: 189, age: 18 }
        classes:
          - { name: 1-A-1, group: "G1", balance: 423284.25, type: senior, coupon: 5.335 }
          - { name: 1-A-2, group: "G1", balance: 379178.17, type: senior, coupon: 5.335 }
          - { name: 1-A-3, group: "G1", balance: 2952227.61, type: senior, coupon: 5.335 }
          - { name: 2-A-1, group: "G2", balance: 89184.38, type: super_senior, coupon: 6.567 }
          - { name: 2-A-2, group: "G2", balance: 71989.17, type: senior_support, coupon: 6.567 }
          - { name: 2-A-3, group: "G2", balance: 237936.96, type: senior, coupon: 6.567 }
          - { name: 2-PO, group: "G2", balance: 158703.70, type: po }
          - { name: 3-A-1, group: "G3", balance: 3271351.43, type: senior, coupon: 6.229 }
          - { name: 3-PO, group: "G3", balance: 332711.51, type: po }
          - { name: B-1, groups: ["G1", "G2", "G3"], balance: 495010.14, type: subordinate, coupon: 5.335 }
          - { name: X, groups: ["G2", "G3"], balance: 0, type: notional_io, notional: premium_loans, coupon: strip_excess }
          - { name: R, group: "G1", balance: 0, type: residual, coupon: none }
        waterfall:
          - pay_interest: { from: "G1", classes: [1-A-1, 1-A-2, 1-A-3] }
          - pay_principal: { from: "G1", amount: senior_principal, to: { sequential: [1-A-1, 1-A-2, 1-A-3] } }
          - pay_po: { group: "G2", class: 2-PO }
          - pay_interest: { from: "G2", classes: [2-A-1, 2-A-2, 2-A-3, X] }
          - pay_principal: { from: "G2", amount: senior_principal, to: { split: [ { percent: 50, to: 2-A-1 }, { percent: 50, to: { sequential: [2-A-2, 2-A-3] } } ] } }
          - pay_po: { group: "G3", class: 3-PO }
          - pay_interest: { from: "G3", classes: [3-A-1, X] }
          - pay_principal: { from: "G3", amount: senior_principal, to: 3-A-1 }
          - pay_po_deferred: { from: all }
          - pay_subordinates: { from: all, classes: [B-1] }
          - pay_residual: { from: all, class: R }
        shifting_interest:
          subordinates: [B-1]
          two_times_test: { month: 36 }
        losses:
          senior_support: { 2-A-1: 2-A-2 }
        clean_up_call: { percent: 10 }
        """;
}
