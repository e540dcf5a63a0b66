namespace Remic.Cli.Tests;

/// <summary>
/// Issue 12, "done means": every command in the README's command table is run, as a user would, on the example
/// deals — the one example each command's --help prints (<see cref="CliHelp.Examples"/>), in the order a newcomer
/// runs them, plus the commands that have no help example of their own. A command added to the README's table
/// without a run here fails <see cref="Every_command_in_the_readme_table_is_run"/>.
/// </summary>
public sealed class ReadmeCommandsTests
{
    /// <summary>The run, in order: each line is a command line as printed in --help; paths are under a scratch folder.</summary>
    private static readonly string[] Sequence =
    [
        CliHelp.Examples["demo"],
        CliHelp.Examples["collateral"],
        CliHelp.Examples["run"],
        CliHelp.Examples["price"],
        CliHelp.Examples["cm"],
        CliHelp.Examples["item1115"],
        CliHelp.Examples["explain"],
        CliHelp.Examples["oas"],
        CliHelp.Examples["grid"],
        "remic synth-tape examples/cwalt-2004-j4/deal.yaml --seed 1 --out strats-tape.csv",
        CliHelp.Examples["trustee init"],
        CliHelp.Examples["trustee simulate"],
        CliHelp.Examples["trustee remit"],
        CliHelp.Examples["trustee close"],
        CliHelp.Examples["trustee statement"],
        CliHelp.Examples["trustee 10d"],
        CliHelp.Examples["trustee explain"],
        "remic trustee status --db t.db",
        "remic trustee periods 2004-S1 --db t.db",
        "remic trustee audit 2004-S1 --db t.db",
        "remic trustee loan 2004-S1 1-discount-001 --db t.db",
        CliHelp.Examples["trustee reopen"],
    ];

    [Fact]
    public void Every_readme_command_runs_on_the_example_deals_as_its_help_shows()
    {
        using var tmp = new Cli.TempDir();
        foreach (var line in Sequence)
        {
            var args = Args(line, tmp.Path);
            var (code, stdout, stderr) = Cli.Run(args);
            Assert.True(code == 0, $"`{line}` exited {code}: {stderr}");
            Assert.True(stdout.Length > 0 || Directory.EnumerateFileSystemEntries(tmp.Path).Any(), $"`{line}` printed and wrote nothing");
        }
        Assert.True(File.Exists(Path.Combine(tmp.Path, "book", "index.html")));
        Assert.True(File.Exists(Path.Combine(tmp.Path, "statement.html")));
        Assert.True(File.Exists(Path.Combine(tmp.Path, "filing", "10d-2004-04.txt")));
        Assert.True(File.Exists(Path.Combine(tmp.Path, "run", "classes.csv")));
        Assert.True(File.Exists(Path.Combine(tmp.Path, "grid.parquet")));
    }

    /// <summary>A folder written as users type it, with a trailing slash ("--out run/", as the --help examples do).</summary>
    [Theory]
    [InlineData("run")]
    [InlineData("cm")]
    [InlineData("trustee simulate")]
    public void An_out_folder_with_a_trailing_slash_is_written(string command)
    {
        using var tmp = new Cli.TempDir();
        var deal = Path.Combine(CwaltExampleDeals.RepoRoot(), "examples", "sample", "deal.yaml");
        var folder = Path.Combine(tmp.Path, "out") + Path.DirectorySeparatorChar;
        string[] args = command switch
        {
            "run" => ["run", deal, "--out", folder],
            "cm" => ["cm", deal, "--speeds", "100 PPC", "--out", folder],
            _ => ["trustee", "simulate", deal, "--months", "2", "--out", folder],
        };
        var (code, _, stderr) = Cli.Run(args);
        Assert.True(code == 0, stderr);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(tmp.Path, "out")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName)); // no staging left beside it
    }

    [Fact]
    public void Every_command_in_the_readme_table_is_run()
    {
        var readme = File.ReadAllLines(Path.Combine(CwaltExampleDeals.RepoRoot(), "README.md"));
        var commands = new List<string>();
        foreach (var row in readme.Where(l => l.StartsWith("| `remic ", StringComparison.Ordinal)))
        {
            var cell = row[3..row.IndexOf('`', 3)];              // remic trustee init\|remit\|close ...
            var words = cell.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words[1] == "trustee")
                commands.AddRange(words[2].Split("\\|").Select(s => "trustee " + s));
            else commands.Add(words[1]);
        }
        Assert.Contains("demo", commands);
        Assert.Contains("trustee close", commands);
        var run = Sequence.Select(l => l.Split(' ')).Select(w => w[1] == "trustee" ? $"trustee {w[2]}" : w[1]).ToHashSet();
        Assert.All(commands, c => Assert.Contains(c, run));
    }

    /// <summary>A help example's words: quotes grouped, "remic" dropped, example paths made absolute, outputs under <paramref name="dir"/>.</summary>
    private static string[] Args(string line, string dir)
    {
        var words = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == ' ') { i++; continue; }
            if (line[i] == '"')
            {
                var end = line.IndexOf('"', i + 1);
                words.Add(line[(i + 1)..end]);
                i = end + 1;
                continue;
            }
            var stop = line.IndexOf(' ', i);
            if (stop < 0) stop = line.Length;
            words.Add(line[i..stop]);
            i = stop;
        }
        var args = words.Skip(1).ToList();
        for (var k = 0; k < args.Count; k++)
        {
            if (args[k].StartsWith("examples/", StringComparison.Ordinal))
                args[k] = Path.Combine(CwaltExampleDeals.RepoRoot(), args[k]);
            else if (k > 0 && args[k - 1] is "--out" or "--db" or "--file")
                args[k] = Path.Combine(dir, args[k]);
        }
        return [.. args];
    }
}
