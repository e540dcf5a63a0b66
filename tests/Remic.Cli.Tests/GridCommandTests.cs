using System.Globalization;

namespace Remic.Cli.Tests;

/// <summary><c>remic grid</c> as a user runs it: its rows agree with <c>remic run</c>, and bad input writes nothing.</summary>
public sealed class GridCommandTests
{
    private static string J4 => CwaltExampleDeals.PathOf("cwalt-2004-j4");

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        // The grid's cells hold no commas except the deal path (none in the test paths).
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => x.Second)).ToList();
    }

    [Fact]
    public void Grid_rows_agree_with_remic_run_for_the_same_scenario()
    {
        using var tmp = new Cli.TempDir();
        var csv = Path.Combine(tmp.Path, "g.csv");
        var (code, stdout, stderr) = Cli.Run("grid", J4, "--prepay", "0,300 PPC", "--default", "0,5 CDR", "--severity", "50", "--lag", "6", "--price", "100-00", "--out", csv, "--threads", "2");
        Assert.True(code == 0, stderr);
        Assert.Contains("wrote", stdout);
        Assert.Matches(@"grid: 1 deal\(s\) × 4 scenarios, 60 rows in .* scenarios/s on 2 thread\(s\)", stderr); // the summary line (stderr is not a terminal)
        var rows = ReadCsv(csv);
        Assert.Equal(4 * 15, rows.Count);
        Assert.Equal(["0 PPC", "0 PPC", "300 PPC", "300 PPC"], rows.Where(r => r["class"] == "M").Select(r => r["prepay"]));

        var (runCode, monthly, runErr) = Cli.Run("run", J4, "--prepay", "300 PPC", "--default", "5 CDR", "--severity", "50", "--lag", "6", "--format", "csv");
        Assert.True(runCode == 0, runErr);
        var months = monthly.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).Where(m => m.Length == 16).ToList();
        foreach (var row in rows.Where(r => r["prepay"] == "300 PPC" && r["default"] == "5 CDR"))
        {
            var mine = months.Where(m => m[2] == row["class"]).ToList();
            var loss = mine.Sum(m => double.Parse(m[10], CultureInfo.InvariantCulture));
            var original = double.Parse(mine[0][3], CultureInfo.InvariantCulture);
            var paying = mine.Where(m => double.Parse(m[9], CultureInfo.InvariantCulture) > 0.005).Select(m => m[1]).ToList();
            if (row["class"].Contains("IO") || row["class"] is "1-A-3" or "2-A-2") continue; // notional: no principal, no writedown
            Assert.Equal(loss, double.Parse(row["writedown_pct"], CultureInfo.InvariantCulture) / 100 * original, 0.005 * mine.Count + 0.01);
            Assert.Equal(loss > 0 ? "true" : "false", row["first_loss"]);
            Assert.Equal(paying.FirstOrDefault() ?? "", row["window_first"]);
            Assert.Equal(paying.LastOrDefault() ?? "", row["window_last"]);
        }
        Assert.Equal("true", rows.Single(r => r["class"] == "B-5" && r["prepay"] == "0 PPC" && r["default"] == "5 CDR")["first_loss"]);
        Assert.All(rows.Where(r => r["default"] == "0 CDR"), r => Assert.Equal("0", r["writedown_pct"]));
    }

    [Fact]
    public void A_bad_deal_in_a_folder_is_located_exit_2_and_nothing_is_written()
    {
        using var tmp = new Cli.TempDir();
        var deals = Directory.CreateDirectory(Path.Combine(tmp.Path, "deals")).FullName;
        File.Copy(CwaltExampleDeals.PathOf("sample"), Path.Combine(deals, "a.yaml"));
        File.WriteAllText(Path.Combine(deals, "b.yaml"), File.ReadAllText(CwaltExampleDeals.PathOf("sample")).Replace("balance: 30000000", "balance: lots"));
        var outFile = Path.Combine(tmp.Path, "g.parquet");
        var (code, _, stderr) = Cli.Run("grid", deals, "--prepay", "0,100 PPC", "--out", outFile);
        Assert.Equal(2, code);
        Assert.Matches(@"error: .*b\.yaml:\d+", stderr);
        Assert.Equal(["deals"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName)); // no output, no partial, no lock
    }

    [Fact]
    public void A_folder_of_mixed_yaml_grids_its_deals_and_names_each_skipped_file_on_stderr()
    {
        using var tmp = new Cli.TempDir();
        var deals = Directory.CreateDirectory(Path.Combine(tmp.Path, "deals")).FullName;
        File.Copy(CwaltExampleDeals.PathOf("sample"), Path.Combine(deals, "a.yaml"));
        var alerts = Path.Combine(deals, "alerts.yml");
        File.WriteAllText(alerts, "groups:\n  - name: remic\n");
        var outFile = Path.Combine(tmp.Path, "g.csv");
        var (code, _, stderr) = Cli.Run("grid", deals, "--prepay", "0,100 PPC", "--out", outFile);
        Assert.True(code == 0, stderr);
        Assert.Contains($"skipped {alerts}: no top-level deal:, classes: or waterfall: section (it has groups:): not a deal file\n", stderr.ReplaceLineEndings("\n"));
        Assert.Matches(@"grid: 1 deal\(s\) × 2 scenarios", stderr);
        Assert.All(ReadCsv(outFile), r => Assert.EndsWith("a.yaml", r["deal"]));

        File.Delete(Path.Combine(deals, "a.yaml"));
        File.Delete(outFile);
        var (none, _, why) = Cli.Run("grid", deals, "--prepay", "0,100 PPC", "--out", outFile);
        Assert.Equal(2, none);
        Assert.Contains($"error: {deals}: a folder holding deal files (YAML with a top-level deal:, classes: or waterfall: section); none of its 1 YAML file(s) is one", why);
        var (named, _, located) = Cli.Run("grid", alerts, "--prepay", "0,100 PPC", "--out", outFile);
        Assert.Equal(2, named);
        Assert.Contains($"error: {alerts}", located);
        Assert.Equal(["deals"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--prepay", "0..500 PPC step 0", "a step above 0")]
    [InlineData("--default", "20..0 CDR step 1", "from low to high")]
    [InlineData("--threads", "0", "worker threads from 1")]
    [InlineData("--price", "par", "a price in 32nds or decimal")]
    [InlineData("--settle", "2000-01-01", "on or after the closing date")]
    public void Bad_options_exit_2_before_any_work(string option, string value, string message)
    {
        using var tmp = new Cli.TempDir();
        var (code, _, stderr) = Cli.Run("grid", J4, option, value, "--out", Path.Combine(tmp.Path, "g.csv"));
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.Contains(option, stderr);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }

    /// <summary>
    /// An axis typed without quotes, as a shell passes it: the value's first word to the option, the rest as words the deals
    /// argument would take ("PPC: an existing deal file or folder"). One error per option instead, with the value quoted; the
    /// value is still read as meant, so its own mistake (a step of 0) is reported in the same run; a deal named after the
    /// value still counts; nothing is written.
    /// </summary>
    [Theory]
    [InlineData(new[] { "--prepay", "0..500", "PPC", "step", "25" }, "--prepay \"0..500 PPC step 25\"", null)]
    [InlineData(new[] { "--default", "0..20", "CDR", "step", "1", "--prepay", "100", "PPC" }, "--default \"0..20 CDR step 1\"", "--prepay \"100 PPC\"")]
    [InlineData(new[] { "--prepay", "100", "PPC;", "5", "CPR", "for", "12,", "then", "20", "CPR" }, "--prepay \"100 PPC; 5 CPR for 12, then 20 CPR\"", null)]
    [InlineData(new[] { "--severity", "25,", "40" }, "--severity \"25, 40\"", null)]
    [InlineData(new[] { "--prepay", "0..500", "PPC", "step", "0" }, "--prepay \"0..500 PPC step 0\"", "a step above 0")]
    public void An_unquoted_axis_asks_for_quotes_instead_of_deal_files_named_after_its_words(string[] axis, string quoted, string? alsoSaid)
    {
        using var tmp = new Cli.TempDir();
        var (code, _, stderr) = Cli.Run(["grid", J4, .. axis, "--out", Path.Combine(tmp.Path, "g.csv")]);
        Assert.Equal(2, code);
        Assert.Contains("put the value in quotes: " + quoted, stderr);
        if (alsoSaid is not null) Assert.Contains(alsoSaid, stderr);
        Assert.DoesNotContain("an existing deal file or folder", stderr);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
        // The same words quoted: the deal before or after them, the grid runs (all but the step-0 case).
        if (quoted.Contains("step 0")) return;
        var option = axis[0];
        var value = quoted[(option.Length + 2)..^1];
        var (ok, _, err) = Cli.Run("grid", option, value, J4, "--out", Path.Combine(tmp.Path, "g.csv"));
        Assert.True(ok == 0, err);
    }

    /// <summary>A word after an axis that is an existing file or folder is a deal, even one named like a number.</summary>
    [Fact]
    public void A_deal_folder_named_like_a_number_after_an_axis_is_still_a_deal()
    {
        using var tmp = new Cli.TempDir();
        var folder = Directory.CreateDirectory(Path.Combine(tmp.Path, "25")).FullName;
        var (code, _, stderr) = Cli.Run("grid", J4, "--severity", "20", folder, "--out", Path.Combine(tmp.Path, "g.csv"));
        Assert.Equal(2, code);
        Assert.Contains("a folder holding deal files", stderr);
        Assert.DoesNotContain("separate words", stderr);
    }

    [Fact]
    public void A_huge_grid_needs_force_and_the_out_name_says_the_format()
    {
        using var tmp = new Cli.TempDir();
        var (code, _, stderr) = Cli.Run("grid", J4, "--prepay", "0..500 PPC step 0.5", "--default", "0..20 CDR step 0.5", "--severity", "0..100 step 1", "--out", Path.Combine(tmp.Path, "g.csv"));
        Assert.Equal(2, code);
        Assert.Contains("--force to run more than 1,000,000 scenario rows; this grid has 4,145,141", stderr);
        var (code2, _, stderr2) = Cli.Run("grid", J4, "--out", Path.Combine(tmp.Path, "g.xlsx"));
        Assert.Equal(2, code2);
        Assert.Contains(".parquet or .csv", stderr2);
        var (code3, _, stderr3) = Cli.Run("grid", J4);
        Assert.Equal(2, code3);
        Assert.Contains("--out", stderr3);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }

    [Fact]
    public void A_partial_output_is_not_overwritten_without_resume_and_resume_completes_it()
    {
        using var tmp = new Cli.TempDir();
        var deal = CwaltExampleDeals.PathOf("cwalt-2004-26t1");
        string[] args = ["grid", deal, "--prepay", "0,100,300 PPC", "--out", Path.Combine(tmp.Path, "g.csv")];
        var (code, _, err) = Cli.Run(args);
        Assert.True(code == 0, err);
        var whole = File.ReadAllBytes(Path.Combine(tmp.Path, "g.csv"));
        // An interrupted run's files, as GridOutput leaves them (its own tests interrupt a run): here a state naming no scenario yet.
        File.Delete(Path.Combine(tmp.Path, "g.csv"));
        var job = new Remic.Grid.GridJob { Deals = [Remic.Grid.GridDeal.Read(deal)], Axes = Remic.Grid.GridAxes.Parse("0,100,300 PPC", null, null, null) };
        File.WriteAllText(Path.Combine(tmp.Path, ".g.csv.grid-partial"), "");
        File.WriteAllText(Path.Combine(tmp.Path, ".g.csv.grid-partial.json"), $$"""{"Job":"{{job.Hash}}","Format":"Csv","RowGroupScenarios":1024,"Scenarios":0,"Bytes":0}""");
        var (refused, _, why) = Cli.Run(args);
        Assert.Equal(2, refused);
        Assert.Contains("--resume to continue the interrupted run", why);
        var (resumed, _, err2) = Cli.Run([.. args, "--resume"]);
        Assert.True(resumed == 0, err2);
        Assert.Equal(whole, File.ReadAllBytes(Path.Combine(tmp.Path, "g.csv")));
        Assert.Equal(["g.csv"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }
}
