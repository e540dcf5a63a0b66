using Remic.Deals.Disclosure;

namespace Remic.Cli.Tests.Hostile;

/// <summary>
/// Issue 18, Critical items 1–5, command by command: each case asserts the exit code, the exact first line of stderr and
/// that no file in the scratch folder (nor any ledger row) changed.
/// </summary>
[Trait("Category", "Hostile")]
public sealed class HostileCriticalTests
{
    // ---- 1. Item 1115 fails closed -------------------------------------------------------------------------------

    private const string ShockExpected = "expected a shock from -10000 to +10000 bp, e.g. '+300 bp'";
    private const string BaseExpected = "expected the base index in percent (e.g. 5.32) with a '+N bp' stress";

    public static TheoryData<string, string, string> Item1115Cases => new()
    {
        { "+NaN bp", "5", $"error: --stress: got '+NaN bp'; {ShockExpected}" },
        { "NaN bp", "5", $"error: --stress: got 'NaN bp'; {ShockExpected}" },
        { "+Infinity bp", "5", $"error: --stress: got '+Infinity bp'; {ShockExpected}" },
        { "-Infinity bp", "5", $"error: --stress: got '-Infinity bp'; {ShockExpected}" },
        { "+1e308 bp", "5", $"error: --stress: got '+1e308 bp'; {ShockExpected}" },
        { "-1e308 bp", "5", $"error: --stress: got '-1e308 bp'; {ShockExpected}" },
        { "+1e400 bp", "5", $"error: --stress: got '+1e400 bp'; {ShockExpected}" },
        { "+10001 bp", "5", $"error: --stress: got '+10001 bp'; {ShockExpected}" },
        { "+9600 bp", "5", "error: --stress: got '+9600 bp'; a stressed index (base 5% + shock) from 0% to 100%; this one is 101%" },
        { "-600 bp", "5", "error: --stress: got '-600 bp'; a stressed index (base 5% + shock) from 0% to 100%; this one is -1%" },
        { "+100 bp", "NaN", $"error: --base-index: got 'NaN'; {BaseExpected}" },
        { "+100 bp", "Infinity", $"error: --base-index: got 'Infinity'; {BaseExpected}" },
        { "+100 bp", "-Infinity", $"error: --base-index: got '-Infinity'; {BaseExpected}" },
        { "+100 bp", "1e308", $"error: --base-index: got '1e308'; {BaseExpected}" },
        { "+100 bp", "-0.01", $"error: --base-index: got '-0.01'; {BaseExpected}" },
        { "+100 bp", "100.5", $"error: --base-index: got '100.5'; {BaseExpected}" },
    };

    [Theory]
    [MemberData(nameof(Item1115Cases))]
    public void Item1115_refuses_non_finite_or_absurd_stress(string stress, string baseIndex, string firstLine)
    {
        using var kit = new HostileKit();
        var deal = kit.Write("structures.yaml", HostileKit.StructuresText);
        var r = kit.Refused(2, firstLine, ["item1115", deal, "--stress", stress, "--base-index", baseIndex]);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Item1115_a_plausible_shock_still_classifies()
    {
        using var kit = new HostileKit();
        var deal = kit.Write("structures.yaml", HostileKit.StructuresText);
        var r = Cli.Run("item1115", deal, "--stress", "+300 bp", "--base-index", "5");
        Assert.Equal((0, ""), (r.Code, r.Err));
        Assert.DoesNotContain("NaN", r.Out);
        Assert.Contains("threshold: ", r.Out);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-0.5)]
    public void Item1115_a_non_finite_percentage_is_never_the_permissive_tier(double percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Item1115.Requirement(percent));

    // ---- 2. Implausible servicer amounts ---------------------------------------------------------------------------

    // Sample deal: cut-off balance 90,000,000.00 (cap 900,000,000.00); loan 1-discount-001: prior 200,000.00 at 5.5%.
    private const string Cap = "at most 10 × the deal's cut-off balance (900000000.00); no servicer amount can be that large";
    private const string Digits = "an amount below 10,000,000,000,000.00 (at most 13 digits before the point)";
    private static string InterestBound(string collected, string advanced) =>
        $"interest collected + interest advanced ({collected} + {advanced}) of at most 13 months' interest on the prior balance 200000.00 at 12% (the note rate or 12%, whichever is higher): 26001.00";

    public static TheoryData<int, string, string> RemittanceCases => new()
    {
        { 7, "1000000000000000.00", $"error: bad.csv:2 interest_collected: got '1000000000000000.00'; {Digits}" },
        { 7, "123456789012345678901234567890.00", $"error: bad.csv:2 interest_collected: got '123456789012345678901234567890.00'; {Digits}" },
        { 7, "99999999999999999999.00", $"error: bad.csv:2 interest_collected: got '99999999999999999999.00'; {Digits}" },
        { 7, "10000000000000", $"error: bad.csv:2 interest_collected: got '10000000000000'; {Digits}" },
        { 3, "9223372036854775808.00", $"error: bad.csv:2 scheduled_principal: got '9223372036854775808.00'; {Digits}" },
        { 7, "999999999999.99", $"error: bad.csv:2 interest_collected: got '999999999999.99'; {Cap}" },
        { 2, "5000000000.00", $"error: bad.csv:2 prior_balance: got '5000000000.00'; {Cap}" },
        { 3, "5000000000.00", $"error: bad.csv:2 scheduled_principal: got '5000000000.00'; {Cap}" },
        { 4, "5000000000.00", $"error: bad.csv:2 curtailment: got '5000000000.00'; {Cap}" },
        { 5, "5000000000.00", $"error: bad.csv:2 payoff: got '5000000000.00'; {Cap}" },
        { 8, "5000000000.00", $"error: bad.csv:2 servicing_fee: got '5000000000.00'; {Cap}" },
        { 9, "5000000000.00", $"error: bad.csv:2 principal_advance: got '5000000000.00'; {Cap}" },
        { 10, "5000000000.00", $"error: bad.csv:2 interest_advance: got '5000000000.00'; {Cap}" },
        { 11, "5000000000.00", $"error: bad.csv:2 liquidation_proceeds: got '5000000000.00'; {Cap}" },
        { 12, "5000000000.00", $"error: bad.csv:2 realized_loss: got '5000000000.00'; {Cap}" },
        { 13, "5000000000.00", $"error: bad.csv:2 ending_balance: got '5000000000.00'; {Cap}" },
        { 7, "50000.00", $"error: bad.csv:2 interest_collected: got '50000.00'; {InterestBound("50000.00", "0.00")}" },
        { 7, "26001.01", $"error: bad.csv:2 interest_collected: got '26001.01'; {InterestBound("26001.01", "0.00")}" },
        { 10, "30000.00", $"error: bad.csv:2 interest_advance: got '30000.00'; {InterestBound("916.67", "30000.00")}" },
    };

    /// <summary>The simulated remittance with one field of its first loan row replaced.</summary>
    private static string WithField(string csv, int column, string value)
    {
        var lines = File.ReadAllLines(csv);
        var f = lines[1].Split(',');
        f[column] = value;
        lines[1] = string.Join(',', f);
        return string.Join('\n', lines) + "\n";
    }

    [Theory]
    [MemberData(nameof(RemittanceCases))]
    public void Remit_refuses_implausible_amounts_at_their_line_and_column(int column, string value, string firstLine)
    {
        using var kit = new HostileKit();
        var (db, may) = kit.Ledger();
        Assert.StartsWith("1-discount-001,2004-04,200000.00,", File.ReadLines(may).Skip(1).First());
        var bad = kit.Write("bad.csv", WithField(may, column, value));
        kit.Refused(2, firstLine, ["trustee", "remit", HostileKit.DealId, "--period", HostileKit.Period, "--file", bad, "--db", db], db);
    }

    [Fact]
    public void Remit_accepts_interest_at_the_bound()
    {
        using var kit = new HostileKit();
        var (db, may) = kit.Ledger();
        // 13 months of interest at 12% on 200,000.00 plus a dollar: a year of arrears caught up is not refused.
        var ok = kit.Write("catchup.csv", WithField(may, 7, "26001.00"));
        var r = Cli.Run("trustee", "remit", HostileKit.DealId, "--period", HostileKit.Period, "--file", ok, "--db", db);
        Assert.Equal((0, ""), (r.Code, r.Err));
    }

    // ---- 3. A book replaces only an earlier book -------------------------------------------------------------------

    private static string NotABook(string dir) =>
        $"error: --out: got '{dir}'; a new or empty directory, or a book Remic wrote earlier (one holding .remic-book): the book replaces the whole directory";

    [Theory]
    [InlineData("cm", "index.html", "about.html")]
    [InlineData("cm", "index.html", null)]
    [InlineData("cm", "book.txt", "index.html")]
    [InlineData("demo", "index.html", "about.html")]
    [InlineData("demo", "index.html", null)]
    public void A_website_or_any_folder_with_an_index_html_is_never_replaced(string command, string first, string? second)
    {
        using var kit = new HostileKit();
        var deal = kit.Sample();
        kit.Write($"site/{first}", "<html>mine</html>");
        if (second is not null) kit.Write($"site/{second}", "mine too");
        var site = kit.Path("site");
        string[] args = command == "cm" ? ["cm", deal, "--out", site] : ["demo", "--out", site];
        kit.Refused(2, NotABook(site), args);
    }

    [Fact]
    public void A_marker_that_is_a_directory_is_not_a_book()
    {
        using var kit = new HostileKit();
        kit.Write("site/index.html", "<html>mine</html>");
        Directory.CreateDirectory(kit.Path("site/.remic-book"));
        kit.Refused(2, NotABook(kit.Path("site")), ["demo", "--out", kit.Path("site")]);
    }

    [Fact]
    public void The_deal_files_own_folder_is_never_replaced()
    {
        using var kit = new HostileKit();
        var deal = kit.Write("deals/deal.yaml", HostileKit.SampleText);
        kit.Write("deals/index.html", "<html>deal notes</html>");
        kit.Write("deals/.remic-book", "a marker copied by hand");
        kit.Refused(2, $"error: --out: got '{kit.Path("deals")}'; a directory that does not hold the deal file: the book replaces the whole directory",
            ["cm", deal, "--out", kit.Path("deals")]);
    }

    // ---- 4. --out onto a device, FIFO or socket --------------------------------------------------------------------

    private const string SpecialFile = "a new or existing regular file; this is a device, FIFO or socket, which Remic never writes over";
    private const string SpecialDir = "a new or existing directory; this is a device, FIFO or socket, which Remic never writes over";
    private const string SpecialBook = "a directory for the book; this is a device, FIFO or socket, which Remic never writes over";

    [Theory]
    [InlineData("fifo")]
    [InlineData("socket")]
    public void Out_never_replaces_a_special_file(string kind)
    {
        using var kit = new HostileKit();
        var deal = kit.Sample();
        var db = kit.ClosedLedger();
        var target = kind == "fifo" ? kit.Fifo() : kit.Socket();
        var cases = new (string Expected, string[] Args)[]
        {
            ($"error: --out: got '{target}'; {SpecialFile}", ["trustee", "statement", HostileKit.DealId, "--period", HostileKit.Period, "--db", db, "--out", target]),
            ($"error: --out: got '{target}'; {SpecialDir}", ["run", deal, "--out", target]),
            ($"error: --out: got '{target}'; {SpecialDir}", ["trustee", "simulate", deal, "--months", "2", "--out", target]),
            ($"error: --out: got '{target}'; {SpecialBook}", ["cm", deal, "--out", target]),
            ($"error: --out: got '{target}'; {SpecialBook}", ["demo", "--out", target]),
            ($"error: --out: got '{target}'; {SpecialFile}", ["collateral", "--balance", "1000000", "--gross", "6", "--net", "5.5", "--wam", "360", "--out", target]),
        };
        foreach (var (expected, args) in cases) kit.Refused(2, expected, args, db);
        Assert.Equal(Remic.Core.FileKind.Special, Remic.Core.FileKinds.Of(target));
    }

    [Fact]
    public void Run_out_refuses_a_special_or_directory_file_inside_the_directory_and_writes_none()
    {
        using var kit = new HostileKit();
        var deal = kit.Sample();
        Directory.CreateDirectory(kit.Path("out"));
        var fifo = kit.Fifo("out/classes.csv");
        kit.Refused(2, $"error: --out: got '{fifo}'; {SpecialFile}", ["run", deal, "--out", kit.Path("out")]);
        File.Delete(fifo);
        Directory.CreateDirectory(kit.Path("out/checks.txt"));
        kit.Refused(2, $"error: --out: got '{kit.Path("out/checks.txt")}'; a file path for the output; this is a directory", ["run", deal, "--out", kit.Path("out")]);
        Assert.False(File.Exists(kit.Path("out/classes.csv")), "no partial set of files");
    }

    [Fact]
    public void Statement_out_onto_a_directory_or_missing_folder_records_nothing()
    {
        using var kit = new HostileKit();
        var db = kit.ClosedLedger();
        Directory.CreateDirectory(kit.Path("folder"));
        string[] Args(string o) => ["trustee", "statement", HostileKit.DealId, "--period", HostileKit.Period, "--db", db, "--out", o];
        kit.Refused(2, $"error: --out: got '{kit.Path("folder")}'; a file path for the output; this is a directory", Args(kit.Path("folder")), db);
        kit.Refused(2, $"error: --out: got '{kit.Path("none/s.txt")}'; a file in an existing directory", Args(kit.Path("none/s.txt")), db);
    }

    [Fact]
    public void Run_out_onto_a_regular_file_is_refused()
    {
        using var kit = new HostileKit();
        var deal = kit.Sample();
        var file = kit.Write("out.txt", "mine");
        kit.Refused(2, $"error: --out: got '{file}'; a directory for the output, not an existing file", ["run", deal, "--out", file]);
    }

    // ---- 5. A deal file's tape: only inside its folder, never quoted --------------------------------------------------

    private const string TinyDeal = """
        deal:
          trust_name: Tape Trust
          cutoff_date: 2004-03-01
          closing_date: 2004-03-30
          first_distribution_date: 2004-04-25
        groups:
          - name: "1"
            servicing_fee: 0.25
            tape: TAPE
        classes:
          - { name: A-1, group: "1", balance: 600000, type: senior, coupon: 6 }
          - { name: A-2, group: "1", balance: 400000, type: senior, coupon: 6 }
        waterfall:
          - pay_interest: { from: "1", classes: [A-1, A-2] }
          - pay_principal: { from: "1", amount: senior_principal, to: { sequential: [A-1, A-2] } }
        """;

    private const string Tape = """
        loan_id,group,balance,original_balance,gross_rate,servicing_fee,original_term,remaining_term,age,io_term,balloon_term,fico,original_ltv,state,property_type,occupancy,purpose,documentation
        L1,1,600000.00,600000.00,6.5,0.25,360,360,0,0,0,700,80,CA,SFR,PRIMARY,PURCHASE,FULL
        L2,1,400000.00,400000.00,6.0,0.25,360,360,0,0,0,720,70,NY,SFR,PRIMARY,PURCHASE,FULL

        """;

    private const string Outside = "a tape inside the deal file's folder; this path leads out of it";
    private const string Absolute = "a tape path relative to the deal file, inside the deal file's folder; absolute paths elsewhere are not read";

    private static string TapeError(string deal, string written, string expected) => $"error: {deal}:9:11 groups[0].tape: got '{written}'; {expected}";

    public static TheoryData<string, string> TapeCases => new()
    {
        { "/etc/passwd", Absolute },
        { "/etc/shadow", Absolute },
        { "/dev/zero", Absolute },
        { "/proc/self/environ", Absolute },
        { "../../../../../../etc/passwd", Outside },
        { "../outside/tape.csv", Outside },
        { "tapes/../../outside/tape.csv", Outside },
        { "..", Outside },
        { "link-out.csv", "a tape inside the deal file's folder; this is a symbolic link to a file outside it" },
        { "link-passwd.csv", "a tape inside the deal file's folder; this is a symbolic link to a file outside it" },
        { "fifo.csv", "a regular file as the tape; this path is a device, FIFO or socket, which Remic does not read" },
        { "tapes", "a tape file; this path is a directory" },
    };

    [Theory]
    [MemberData(nameof(TapeCases))]
    public void A_deal_file_reads_only_tapes_inside_its_folder(string written, string expected)
    {
        using var kit = new HostileKit();
        kit.Write("outside/tape.csv", Tape);
        kit.Write("deals/tapes/pool.csv", Tape);
        File.CreateSymbolicLink(kit.Path("deals/link-out.csv"), kit.Path("outside/tape.csv"));
        File.CreateSymbolicLink(kit.Path("deals/link-passwd.csv"), "/etc/passwd");
        kit.Fifo("deals/fifo.csv");
        var deal = kit.Write("deals/deal.yaml", TinyDeal.Replace("TAPE", written));
        var r = kit.Refused(2, TapeError(deal, written, expected), ["run", deal]);
        Assert.DoesNotContain("root:", r.Err);
    }

    [Fact]
    public void A_file_inside_the_folder_that_is_not_a_tape_is_never_quoted()
    {
        using var kit = new HostileKit();
        var notes = kit.Write("deals/notes.txt", "password: hunter2, do not share\nsecond line\n");
        var deal = kit.Write("deals/deal.yaml", TinyDeal.Replace("TAPE", "notes.txt"));
        var r = kit.Refused(2, $"error: {notes}:1: a loan tape: a header row naming tape columns (loan_id, group, balance, ...); this file's first line names none of them",
            ["run", deal]);
        Assert.DoesNotContain("hunter2", r.Err);
    }

    [Theory]
    [InlineData("tapes/pool.csv")]
    [InlineData("./tapes/../tapes/pool.csv")]
    [InlineData("ABSOLUTE")]
    public void A_tape_inside_the_folder_is_read(string written)
    {
        using var kit = new HostileKit();
        kit.Write("deals/tapes/pool.csv", Tape);
        var deal = kit.Write("deals/deal.yaml", TinyDeal.Replace("TAPE", written == "ABSOLUTE" ? kit.Path("deals/tapes/pool.csv") : written));
        var r = Cli.Run("run", deal, "--prepay", "0 CPR");
        Assert.Equal((0, ""), (r.Code, r.Err));
        Assert.Matches(@"(?m)^A-1\s", r.Out); // the class summary's row of the tape's class
    }
}
