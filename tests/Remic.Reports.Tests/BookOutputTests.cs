using System.Text.RegularExpressions;
using Remic.Collateral.Tape;
using Remic.Reports.Book;

namespace Remic.Reports.Tests;

public class BookOutputTests
{
    private static readonly string[] ExpectedTables =
    [
        "deal", "structure", "collateral-summary",
        "price-yield-pt-1", "price-yield-pt-2", "decrement-pt-1", "decrement-pt-2", "cashflows-pt-1", "cashflows-pt-2", "collateral-cashflows-group-1", "collateral-cashflows-group-2",
        "rate-sensitivity", "loss-pt-1", "loss-pt-2", "breakeven-cdr",
        .. new[] { "group-1", "group-2", "all" }.SelectMany(g => new[]
        {
            "current-mortgage-rate", "current-principal-balance", "original-loan-to-value-ratio", "fico-credit-score", "state",
            "property-type", "occupancy", "loan-purpose", "documentation-type", "remaining-term-to-maturity",
        }.Select(t => $"strats-{g}-{t}")),
    ];

    private static readonly string[] ExpectedCharts =
    [
        "paydown-pt-1", "paydown-pt-2", "wal-vs-speed", "yield-vs-price-pt-1", "yield-vs-price-pt-2",
        "writedown-vs-cdr-sev20", "writedown-vs-cdr-sev35", "writedown-vs-cdr-sev50", "breakeven-cdr",
    ];

    [Fact]
    public void Book_of_the_example_tape_writes_every_file_and_the_page_shows_every_chart()
    {
        var dir = BookFixtures.TempDir();
        try
        {
            var input = PassThroughBook.Input(SyntheticTape.Generate(), new PassThroughTerms());
            var (_, files) = BookWriter.BuildAndWrite(input, dir);

            var expected = ExpectedTables.SelectMany(s => new[] { s + ".txt", s + ".csv" })
                .Concat(ExpectedCharts.Select(c => $"charts/{c}.png")).Append("book.txt").Append("book.xlsx").Append("index.html")
                .Order(StringComparer.Ordinal).ToList();
            var onDisk = Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Append(BookWriter.MarkerFile).Order(StringComparer.Ordinal), onDisk);
            Assert.Equal(expected, files.Order(StringComparer.Ordinal).ToList());

            var html = File.ReadAllText(Path.Combine(dir, "index.html"));
            var images = Regex.Matches(html, "<img src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(ExpectedCharts.Select(c => $"charts/{c}.png").Order(StringComparer.Ordinal).ToList(), images);
            foreach (var t in ExpectedTables) Assert.Contains($"href=\"{t}.csv\"", html);
            foreach (var png in images)
            {
                var bytes = File.ReadAllBytes(Path.Combine(dir, png));
                // PNG signature, then the IHDR chunk with the 800 × 480 size the charts are drawn at.
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
                Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
                Assert.Equal(800, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
                Assert.Equal(480, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
            }
            // The text and CSV of a table carry the same cells; book.txt holds every table's text.
            var book = File.ReadAllText(Path.Combine(dir, "book.txt"));
            foreach (var t in ExpectedTables) Assert.Contains(File.ReadAllText(Path.Combine(dir, t + ".txt")), book);
            Assert.StartsWith("class,scenario,to_call,quoted_in,quote,price,price_32nds,yield_percent,dm_bp,i_spread_bp,z_spread_bp,wal_years,mod_duration,convexity,window_first,window_last,maturity_months\r\nPT-1,0 PPC,false,price,98,98,98-00,",
                File.ReadAllText(Path.Combine(dir, "price-yield-pt-1.csv")));
            Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(dir)!, $".{Path.GetFileName(dir)}.partial-*"));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Nothing_is_written_when_a_scenario_fails_and_an_earlier_book_stays()
    {
        var dir = BookFixtures.TempDir();
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "index.html"), "earlier book");
        File.WriteAllText(Path.Combine(dir, BookWriter.MarkerFile), BookWriter.MarkerText);
        try
        {
            var good = PassThroughBook.Input([BookFixtures.SingleLoan], new PassThroughTerms { Speeds = BookFixtures.Speeds("0 CPR", "20 CPR"), Loss = BookFixtures.SmallLoss });
            var calls = 0;
            var failing = good with
            {
                Run = r => ++calls < 4 ? good.Run(r) : throw new InvalidOperationException("engine failed"),
            };
            var e = Assert.Throws<InvalidOperationException>(() => BookWriter.BuildAndWrite(failing, dir));
            Assert.Equal("engine failed", e.Message);
            Assert.Equal("earlier book", File.ReadAllText(Path.Combine(dir, "index.html")));
            Assert.Equal(2, Directory.GetFileSystemEntries(dir).Length);

            // A failure while writing (a table whose file name cannot exist) leaves the old book and no staging folder.
            var book = BookBuilder.Build(good);
            var broken = book with { Sections = [.. book.Sections, new BookSection("Bad", [new BookTable("bad\0name", book.Tables.First().Table)], [])] };
            Assert.ThrowsAny<ArgumentException>(() => BookWriter.Write(broken, dir));
            Assert.Equal("earlier book", File.ReadAllText(Path.Combine(dir, "index.html")));
            Assert.Equal(2, Directory.GetFileSystemEntries(dir).Length);
            Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(dir)!, $".{Path.GetFileName(dir)}.partial-*"));

            BookWriter.Write(book, dir);
            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(dir, "index.html")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_directory_of_other_files_is_never_replaced()
    {
        var dir = BookFixtures.TempDir();
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "notes.md"), "mine");
        try
        {
            var input = PassThroughBook.Input([BookFixtures.SingleLoan], new PassThroughTerms { Speeds = BookFixtures.Speeds("0 CPR"), Loss = BookFixtures.SmallLoss });
            var e = Assert.Throws<Remic.Core.RemicInputException>(() => BookWriter.BuildAndWrite(input, dir));
            Assert.Equal($"--out: got '{dir}'; a new or empty directory, or a book Remic wrote earlier (one holding .remic-book): the book replaces the whole directory", e.Errors.Single().ToString());
            Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "notes.md")));
        }
        finally { Directory.Delete(dir, true); }
    }

    private sealed class CountingProgress : IBookProgress
    {
        public int Expected, Done;
        public void Expect(int steps) => Expected += steps;
        void IBookProgress.Done(string step) => Done++;
    }

    [Fact]
    public void Progress_ticks_off_exactly_the_steps_it_announced()
    {
        var dir = BookFixtures.TempDir();
        try
        {
            var input = PassThroughBook.Input([BookFixtures.SingleLoan], new PassThroughTerms { Speeds = BookFixtures.Speeds("0 CPR", "20 CPR"), Loss = BookFixtures.SmallLoss });
            var p = new CountingProgress();
            BookWriter.BuildAndWrite(input, dir, p);
            // 2 speeds + the pricing run + 3 loss points + 1 breakeven search + tables; paydown, WAL, yield/price, writedown charts + index.
            Assert.Equal(2 + 1 + 3 + 1 + 1 + 4 + 1, p.Expected);
            Assert.Equal(p.Expected, p.Done);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_runner_that_leaves_out_a_class_is_reported_by_name()
    {
        var input = PassThroughBook.Input([BookFixtures.SingleLoan], new PassThroughTerms { Speeds = BookFixtures.Speeds("0 CPR"), Loss = BookFixtures.SmallLoss });
        var missing = input with { Run = r => input.Run(r) with { Classes = new Dictionary<string, Remic.Analytics.BondCashFlows>() } };
        var e = Assert.Throws<InvalidOperationException>(() => BookBuilder.Build(missing));
        Assert.Equal("the scenario runner returned no cash flows for class PT-1 (0 CPR, 0 CDR, severity 0%, lag 0)", e.Message);
    }
}
