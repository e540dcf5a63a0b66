using Remic.Core;

namespace Remic.Grid.Tests;

public class GridIndexPathsTests : IDisposable
{
    private readonly string dir = TestFiles.TempDir();
    public void Dispose() => Directory.Delete(dir, true);

    private string File(string text)
    {
        var p = Path.Combine(dir, "paths.csv");
        System.IO.File.WriteAllText(p, text);
        return p;
    }

    [Fact]
    public void Each_column_is_a_path_and_a_short_column_holds_its_last_level()
    {
        var paths = GridIndexPaths.Read(File("month,base,up 200\n1,1.10,1.10\n2,1.10,2.10\n3,1.10,\n"));
        Assert.Equal(["base", "up 200"], paths.Select(p => p.Name));
        Assert.Equal([1.10, 1.10, 1.10], paths[0].Percents);
        Assert.Equal([1.10, 2.10], paths[1].Percents);
        Assert.Equal(["flat"], GridIndexPaths.Read(File("flat\n5.32\n")).Select(p => p.Name));
    }

    private InputError Refused(string text)
    {
        var e = Assert.Throws<RemicInputException>(() => GridIndexPaths.Read(File(text)));
        return e.Errors[0];
    }

    [Fact]
    public void Bad_files_are_refused_with_the_row_and_column()
    {
        var e = Refused("month,base\n1,1.1\n2,abc\n");
        Assert.Equal((3, "base", "abc"), (e.Line, e.Field, e.Value));
        Assert.Contains("percent from 0 to 100", e.Expected);
        Assert.Contains("only the foot of a column may be blank", Refused("base,up\n1,\n1,2\n").Expected);
        Assert.Contains("each path name once", Refused("a,A\n1,2\n").Expected);
        Assert.Contains("count the months", Refused("month,a\n1,1\n3,1\n").Expected);
        Assert.Contains("at least one row", Refused("a,b\n").Expected);
        Assert.Contains("percent from 0 to 100", Refused("a\n150\n").Expected);
        // A column whose only level is refused: that one error, not a second saying the column has no level.
        var only = Assert.Throws<RemicInputException>(() => GridIndexPaths.Read(File("base\n-5\n"))).Errors;
        Assert.Equal("-5", Assert.Single(only).Value);
        // A column with no level at all still says so.
        Assert.Contains("at least one level", Refused("a,b\n1,\n").Expected);
        Assert.Equal("--index-paths", Assert.Throws<RemicInputException>(() => GridIndexPaths.Read(Path.Combine(dir, "none.csv"))).Errors[0].Source);
    }

    [Fact]
    public void Every_index_the_deal_uses_follows_the_path()
    {
        var job = new GridJob
        {
            Deals = [TestFiles.J4Deal],
            Axes = GridAxes.Parse("100 PPC", null, null, null, [new GridIndexPath("low", [1.10]), new GridIndexPath("high", [5.0])]),
            Price = "100-00",
        };
        Assert.Equal(2, job.Space.Count);
        var r = BatchRunner.Run(job, new GridBatch(0, 0, 2));
        var p = new PreparedDeal(job, 0);
        Assert.Equal(0.05, p.Indices[1]["LIBOR_1MO"].At(1));
        Assert.Equal(0.011, p.Indices[0]["LIBOR_1MO"].At(1), 15); // the deal file's assumed 1.10%
        // 1-A-1 is LIBOR + 0.40% capped at 5.50%: at 5% LIBOR its yield at par is far above the 1.10% path's.
        Assert.True(r.Yield[r.Classes + 1] > r.Yield[1] + 3, $"{r.Yield[1]} vs {r.Yield[r.Classes + 1]}");
        Assert.Equal(Remic.Reports.Book.DealBook.DefaultIndexRate, PreparedDeal.DefaultIndexRate);
    }
}
