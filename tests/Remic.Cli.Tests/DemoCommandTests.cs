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
    public void Embedded_example_deal_is_the_committed_cwalt_2004_j4_file()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Remic.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        Assert.Equal(File.ReadAllText(Path.Combine(dir.FullName, "examples", "cwalt-2004-j4", "deal.yaml")), DemoCommand.ExampleDeal());
    }

    [Fact]
    public void Demo_writes_the_cm_book_of_the_embedded_deal_as_cm_does_for_the_file()
    {
        using var dir = new Cli.TempDir();
        var demoDir = Path.Combine(dir.Path, "demo");
        var cmDir = Path.Combine(dir.Path, "cm");
        var demo = Cli.Run("demo", "--out", demoDir);
        Assert.Equal("", demo.Err);
        Assert.Equal(0, demo.Code);
        var cm = Cli.Run("cm", Path.Combine(RepoRoot(), "examples", "cwalt-2004-j4", "deal.yaml"), "--out", cmDir);
        Assert.Equal(0, cm.Code);

        var lines = demo.Out.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("CWALT, Inc. Alternative Loan Trust 2004-J4: 3,082 loans in 4 rep lines (strats: a 3422-loan strats tape); 15 classes; pricing speed 100 PPC (7 speeds); settlement 2004-04-27", lines[0]);
        Assert.Matches(@"^Wrote \d+ files to .+demo \(open index\.html\) in \d+\.\d s$", lines[^1]);
        // The class lines (balances, coupons, WALs, windows) are those of `remic cm` on the committed file.
        var cmLines = cm.Out.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cmLines[1..^1], lines[1..^1]);
        Assert.Matches(@"\n  1-A-2 +14,370,000\.00 +3\.230% ", demo.Out); // a printed class of the prospectus supplement
        // Every exhibit is identical; only the particulars (deal.txt, and book.txt which holds them) name the source.
        foreach (var f in Directory.GetFiles(cmDir, "*.txt").Where(f => Path.GetFileName(f) is not ("deal.txt" or "book.txt")))
            Assert.Equal(File.ReadAllText(f), File.ReadAllText(Path.Combine(demoDir, Path.GetFileName(f))));
        Assert.Contains("deal.yaml (embedded)", File.ReadAllText(Path.Combine(demoDir, "deal.txt")));
        Assert.True(File.Exists(Path.Combine(demoDir, "index.html")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(demoDir, "charts"), "*.png"));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Remic.sln"))) dir = dir.Parent;
        return dir!.FullName;
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
        Assert.Equal($"error: --out: got '{dir.Path}'; a new or empty directory, or a book Remic wrote earlier (one holding .remic-book): the book replaces the whole directory\n",
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
