using System.CommandLine;
using Remic.Deals.Loading;

namespace Remic.Cli;

/// <summary>
/// <c>remic demo</c>: the main job on the embedded example: the Computational Materials book of
/// examples/cwalt-2004-j4/deal.yaml (CWALT 2004-J4, the deal whose CMs are the model for <c>remic cm</c>),
/// exactly as <c>remic cm</c> writes it for that file with default options. No file or network needed.
/// </summary>
public static class DemoCommand
{
    public const string DealFile = "examples/cwalt-2004-j4/deal.yaml";
    public const string DealResource = "Remic.Cli.examples.cwalt-2004-j4.deal.yaml";
    public const string TapeResource = "Remic.Cli.examples.collateral.tape.csv";

    public static Command Build()
    {
        var outDir = new Option<string>("--out") { Description = "Directory to write the book to (replaced whole on success)", DefaultValueFactory = _ => "book" };
        var cmd = new Command("demo", $"Write the Computational Materials book of the embedded example deal ({DealFile})");
        cmd.Options.Add(outDir);
        cmd.SetAction(parse => CliRun.Guard(parse, stdout =>
        {
            var deal = DealLoader.LoadText(Resource(DealResource), $"{DealFile} (embedded)", EmbeddedFile);
            CmCommand.WriteBook(stdout, deal, new Remic.Reports.Book.DealBookTerms(), parse.GetValue(outDir)!);
            return 0;
        }));
        return cmd;
    }

    public const string StratsTapeResource = "Remic.Cli.examples.cwalt-2004-j4.strats-tape.csv";

    /// <summary>A file the embedded deal names (its strats_tape), from this build's resources: never from the disk.</summary>
    private static byte[] EmbeddedFile(string path) =>
        Path.GetFileName(path) == "strats-tape.csv"
            ? System.Text.Encoding.UTF8.GetBytes(Resource(StratsTapeResource))
            : throw new FileNotFoundException($"the embedded example has no file {path}", path);

    /// <summary>The example deal file's text as embedded in this build.</summary>
    public static string ExampleDeal() => Resource(DealResource);

    /// <summary>The synthetic example tape (examples/collateral/tape.csv) as embedded in this build.</summary>
    public static byte[] ExampleTape() => System.Text.Encoding.UTF8.GetBytes(Resource(TapeResource));

    private static string Resource(string name)
    {
        using var s = typeof(DemoCommand).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from the build");
        using var reader = new StreamReader(s);
        return reader.ReadToEnd();
    }
}
