using Remic.Collateral;
using Remic.Collateral.Tape;

namespace Remic.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public void Embedded_example_tape_is_the_seeded_synthetic_tape()
    {
        Assert.Equal(SyntheticTape.Csv(), System.Text.Encoding.UTF8.GetString(DemoCommand.ExampleTape()));
    }

    [Fact]
    public void Committed_example_file_is_the_seeded_synthetic_tape()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Remic.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        Assert.Equal(SyntheticTape.Csv(), File.ReadAllText(Path.Combine(dir.FullName, "examples", "collateral", "tape.csv")));
    }

    [Fact]
    public void Demo_writes_the_book_to_out_and_prints_the_classes_with_their_wal()
    {
        using var dir = new Cli.TempDir();
        var outDir = Path.Combine(dir.Path, "book");
        var (code, stdout, stderr) = Cli.Run("demo", "--out", outDir);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var lines = stdout.Replace("\r\n", "\n").Split('\n');
        Assert.Equal("Synthetic example tape: 200 loans; 2 pass-through classes; pricing speed 100 PPC (7 speeds)", lines[0]);
        Assert.Matches(@"^Wrote 100 files to .+book \(open index\.html\) in \d+\.\d s$", lines[3]);
        Assert.True(File.Exists(Path.Combine(outDir, "index.html")));
        Assert.Equal(8, Directory.GetFiles(Path.Combine(outDir, "charts"), "*.png").Length);

        // WAL from settlement (2004-04-30) = the collateral WAL from the cut-off (month m at m/12 years) less
        // 5 days (30/360), since the first distribution (2004-05-25) is 25/30 of a month after settlement.
        var loans = SyntheticTape.Generate();
        var p = Projector.Project(new LoanPool(loans), new Scenario { Prepay = Speed.Prepay("100 PPC") });
        foreach (var (group, line) in new[] { ("1", lines[1]), ("2", lines[2]) })
        {
            var wal = p.Group(group).WalYears() - 5.0 / 360;
            var balance = loans.Where(l => l.Group == group).Sum(l => l.Balance);
            Assert.StartsWith($"  PT-{group} ", line);
            Assert.Contains(balance.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture), line);
            Assert.Contains($"WAL {wal.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} yr  window May04 - Apr34", line);
        }
    }
}

public class DemoOutTests
{
    [Fact]
    public void Demo_refuses_to_replace_a_directory_of_other_files_or_a_file()
    {
        using var dir = new Cli.TempDir();
        var keep = dir.File("keep.txt", "mine");
        var (code, stdout, stderr) = Cli.Run("demo", "--out", dir.Path);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: --out: got '{dir.Path}'; a new or empty directory, or an earlier book (one with index.html): the book replaces the whole directory\n",
            stderr.Replace("\r\n", "\n"));
        Assert.Equal("mine", File.ReadAllText(keep));

        var file = Cli.Run("demo", "--out", keep);
        Assert.Equal(2, file.Code);
        Assert.Equal($"error: --out: got '{keep}'; a directory for the book, not an existing file\n", file.Err.Replace("\r\n", "\n"));

        // An earlier book is replaced whole.
        var book = Path.Combine(dir.Path, "book");
        Assert.Equal(0, Cli.Run("demo", "--out", book).Code);
        File.WriteAllText(Path.Combine(book, "stale.txt"), "old");
        Assert.Equal(0, Cli.Run("demo", "--out", book).Code);
        Assert.False(File.Exists(Path.Combine(book, "stale.txt")));
    }
}
