using System.Globalization;
using System.Text.Json;
using Remic.Reports.Statements;

namespace Remic.Cli.Tests;

/// <summary>
/// `remic trustee 10d`: Form 10-D with the period's statement as Exhibit 99.1. The EDGAR text is plain ASCII in 80 columns with
/// &lt;PAGE&gt; breaks (EDGAR Filer Manual's ASCII document rules); the cover says what Form 10-D's cover asks and marks what the
/// ledger does not know; the exhibit's class rows carry the figures `trustee statement` gives for the period; bad input writes nothing.
/// </summary>
public class TrusteeTenDTests
{
    private static string Example(string rel) => Path.Combine(CwaltExampleDeals.RepoRoot(), "examples", rel);

    /// <summary>A ledger of <paramref name="deal"/> with its first <paramref name="months"/> periods closed (300 PPC, 5 CDR, 50% severity, lag 1).</summary>
    private static string Ledger(Cli.TempDir tmp, string deal, int months)
    {
        var db = tmp.File("ledger.db");
        var init = Cli.Run("trustee", "init", deal, "--db", db);
        Assert.True(init.Code == 0, init.Err);
        var id = init.Out.Trim();
        var sim = Cli.Run("trustee", "simulate", deal, "--months", months.ToString(CultureInfo.InvariantCulture), "--prepay", "300 PPC",
            "--default", "5 CDR", "--severity", "50", "--lag", "1", "--delinquency", "3", "--seed", "3", "--out", tmp.File("sim"));
        Assert.True(sim.Code == 0, sim.Err);
        foreach (var file in Directory.GetFiles(tmp.File("sim"), "remittance-*.csv").Order(StringComparer.Ordinal))
        {
            var period = Path.GetFileNameWithoutExtension(file)["remittance-".Length..];
            Assert.Equal(0, Cli.Run("trustee", "remit", id, "--period", period, "--file", file, "--db", db).Code);
            var close = Cli.Run("trustee", "close", id, "--period", period, "--libor", "1.1", "--db", db);
            Assert.True(close.Code == 0, close.Err);
        }
        return id;
    }

    private static void AssertEdgarText(string text)
    {
        var lines = text.Split('\n');
        Assert.All(lines.Select((l, i) => (l, i)), x => Assert.True(x.l.Length <= 80, $"line {x.i + 1} has {x.l.Length} columns: {x.l}"));
        Assert.All(text, c => Assert.True(c == '\n' || c is >= ' ' and <= '~', $"character U+{(int)c:X4} is not printable ASCII"));
    }

    [Fact]
    public void Writes_the_cover_and_the_statement_as_exhibit_99_1_in_80_ascii_columns_and_html()
    {
        using var tmp = new Cli.TempDir();
        var db = tmp.File("ledger.db");
        var id = Ledger(tmp, Example("sample/deal.yaml"), 2);
        var dir = tmp.File("filing");
        var run = Cli.Run("trustee", "10d", id, "--period", "2004-05", "--out", dir, "--db", db);
        Assert.Equal((0, $"wrote 10d-2004-05.txt and 10d-2004-05.html to {dir}\n", ""), run);
        Assert.Equal(["10d-2004-05.html", "10d-2004-05.txt"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["filing", "ledger.db", "sim"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var text = File.ReadAllText(Path.Combine(dir, "10d-2004-05.txt"));
        AssertEdgarText(text);
        var lines = text.Split('\n');
        // Form 10-D's cover (17 CFR 249.312): the form, its title, the period (the day after the prior distribution date, April 25, to this one).
        foreach (var expected in new[]
                 {
                     "FORM 10-D", "ASSET-BACKED ISSUER DISTRIBUTION REPORT", "PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934",
                     "For the monthly distribution period from: April 26, 2004 to May 25, 2004",
                     "Sample Alternative Loan Trust 2004-S1", "(Exact name of issuing entity as specified in its charter)", "CWALT, Inc.",
                     "not given in the deal file", "PART I - DISTRIBUTION INFORMATION", "Item 1. Distribution and Pool Performance Information.",
                     "PART II - OTHER INFORMATION", "Item 9. Exhibits.", "SIGNATURES", "EXHIBIT 99.1", "Certificateholder Monthly Distribution Summary",
                 })
            Assert.Contains(expected, text);
        // Nothing the ledger does not know is invented: no file number or CIK, each marked for the filer.
        Assert.Contains("Commission File Number of issuing entity: [to be completed by the filer]", lines);
        Assert.Contains("Central Index Key Number of issuing entity: [to be completed by the filer]", lines);
        Assert.Contains("Commission File Number of depositor: [to be completed by the filer]", lines);
        Assert.DoesNotMatch(@"\d{3}-\d{5,6}", text);
        // <PAGE> on a line of its own between the cover and the exhibit and between the exhibit's pages (one a section, eight).
        var pages = lines.Select((l, i) => (l, i)).Where(x => x.l == "<PAGE>").Select(x => x.i).ToList();
        var exhibit = Array.IndexOf(lines, "EXHIBIT 99.1");
        Assert.Contains(pages, p => p < exhibit);
        Assert.Equal(7, pages.Count(p => p > exhibit));
        Assert.True(lines.Select((l, i) => (l, i)).Where(x => x.l.EndsWith("Distribution Detail", StringComparison.Ordinal) || x.l == "Collateral Detail")
            .All(x => pages.Any(p => p < x.i && p > exhibit)), "every exhibit section after the first starts on a new page");

        // The exhibit's class rows carry the statement's figures for the period (the summary page, its blocks joined by class).
        using var json = JsonDocument.Parse(Cli.Run("trustee", "statement", id, "--period", "2004-05", "--format", "json", "--db", db).Out);
        var summary = lines[exhibit..Array.IndexOf(lines, "Principal Distribution Detail")];
        static string M(decimal x) => x.ToString("#,##0.00", CultureInfo.InvariantCulture);
        var classes = json.RootElement.GetProperty("classes").EnumerateArray().ToList();
        Assert.True(classes.Count >= 10);
        foreach (var k in classes)
        {
            var name = k.GetProperty("name").GetString()!;
            var row = summary.Where(l => l.StartsWith(name + " ", StringComparison.Ordinal)).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)).ToList();
            decimal principal = k.GetProperty("principal").GetDecimal(), interest = k.GetProperty("interest").GetDecimal();
            foreach (var figure in new[] { k.GetProperty("beginning_balance").GetDecimal(), principal, interest, principal + interest,
                         k.GetProperty("realized_loss").GetDecimal(), k.GetProperty("ending_balance").GetDecimal() })
                Assert.True(row.Contains(M(figure)), $"{name}: {M(figure)} not in the exhibit's row {string.Join(" ", row)}");
        }
        var totals = summary.Where(l => l.StartsWith("Totals ", StringComparison.Ordinal)).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains(M(classes.Sum(k => k.GetProperty("principal").GetDecimal())), totals);
        Assert.Contains(M(classes.Sum(k => k.GetProperty("interest").GetDecimal())), totals);
        Assert.True(classes.Sum(k => k.GetProperty("realized_loss").GetDecimal()) > 0, "the period has a loss for the exhibit to show");

        var html = File.ReadAllText(Path.Combine(dir, "10d-2004-05.html"));
        Assert.Contains("<h2 id=\"s1\">Form 10-D</h2>", html);
        Assert.Contains("Exhibit 99.1: Monthly Statement to Certificateholders", html);
        Assert.Contains(M(classes[1].GetProperty("ending_balance").GetDecimal()), html);
        Assert.Contains("[to be completed by the filer]", html);

        // Kept in the ledger as issued, as statements are.
        Assert.Contains("issued the 10d statement for 2004-05", Cli.Run("trustee", "audit", id, "--db", db).Out);
    }

    [Fact]
    public void The_first_period_runs_from_the_closing_date_and_another_deal_fits_80_columns()
    {
        using var tmp = new Cli.TempDir();
        var db = tmp.File("ledger.db");
        var deal = Example("cwalt-2004-j2/deal.yaml");
        var id = Ledger(tmp, deal, 1);
        var period = Directory.GetFiles(tmp.File("sim")).Select(f => Path.GetFileNameWithoutExtension(f)["remittance-".Length..]).Single();
        var dir = tmp.File("out");
        var run = Cli.Run("trustee", "10d", id, "--period", period, "--out", dir, "--db", db);
        Assert.True(run.Code == 0, run.Err);
        var text = File.ReadAllText(Path.Combine(dir, $"10d-{period}.txt"));
        AssertEdgarText(text);
        var closing = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(deal), @"closing_date:\s*""?(\d{4}-\d{2}-\d{2})").Groups[1].Value;
        var from = DateOnly.ParseExact(closing, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"For the monthly distribution period from: {from} to ", text);
    }

    [Fact]
    public void A_period_not_closed_an_unknown_deal_or_an_out_file_exit_2_and_write_nothing()
    {
        using var tmp = new Cli.TempDir();
        var db = tmp.File("ledger.db");
        var id = Ledger(tmp, Example("sample/deal.yaml"), 1);
        var dir = tmp.File("filing");
        Assert.Equal((2, "", $"error: {id} 2004-05 is not closed (state: no remittance); there is nothing to report yet\n"),
            Cli.Run("trustee", "10d", id, "--period", "2004-05", "--out", dir, "--db", db));
        var unknown = Cli.Run("trustee", "10d", "NO-SUCH", "--period", "2004-04", "--out", dir, "--db", db);
        Assert.Equal(2, unknown.Code);
        Assert.StartsWith("error: ", unknown.Err);
        var file = tmp.File("a-file.txt", "keep me");
        var onFile = Cli.Run("trustee", "10d", id, "--period", "2004-04", "--out", file, "--db", db);
        Assert.Equal(2, onFile.Code);
        Assert.Contains("--out", onFile.Err);
        Assert.Equal("keep me", File.ReadAllText(file));
        Assert.Equal(["a-file.txt", "ledger.db", "sim"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("10d statement", Cli.Run("trustee", "audit", id, "--db", db).Out);
    }

    [Fact]
    public void Fit_wraps_long_lines_at_spaces_and_folds_text_to_ascii()
    {
        var fitted = Form10D.Fit("Caf\u00e9 Trust \u2013 \u201Cseries\u201D " + string.Join(" ", Enumerable.Repeat("word", 30)) + "\n");
        Assert.StartsWith("Cafe Trust - \"series\" word", fitted);
        Assert.All(fitted.Split('\n'), l => Assert.True(l.Length <= 80, l));
        Assert.Equal(30, fitted.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Count(w => w == "word"));
        Assert.EndsWith("word\n", fitted);
        Assert.Equal(new string('x', 80) + "\n" + new string('x', 5) + "\n", Form10D.Fit(new string('x', 85) + "\n"));
    }
}
