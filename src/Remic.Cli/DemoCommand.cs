using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Remic.Collateral.Tape;
using Remic.Reports.Book;

namespace Remic.Cli;

/// <summary>
/// <c>remic demo</c>: the Computational Materials book of the embedded SYNTHETIC example tape
/// (examples/collateral/tape.csv), each loan group a pass-through certificate, written to --out.
/// </summary>
public static class DemoCommand
{
    public const string TapeResource = "Remic.Cli.examples.collateral.tape.csv";

    public static Command Build()
    {
        var outDir = new Option<string>("--out") { Description = "Directory to write the book to (replaced whole on success)", DefaultValueFactory = _ => "book" };
        var cmd = new Command("demo", "Write the Computational Materials book of the embedded synthetic tape (one pass-through per loan group)");
        cmd.Options.Add(outDir);
        cmd.SetAction(parse => CliRun.Guard(parse, stdout =>
        {
            var clock = Stopwatch.StartNew();
            var loans = TapeReader.Read(ExampleTape(), "examples/collateral/tape.csv (embedded)");
            var input = PassThroughBook.Input(loans, new PassThroughTerms
            {
                Title = "Remic demo (SYNTHETIC pool): Computational Materials",
                Metadata = [new("Collateral", $"examples/collateral/tape.csv: {loans.Count} SYNTHETIC loans (no real loan or borrower)")],
            });
            var dir = parse.GetValue(outDir)!;
            var (book, files) = BookProgressBar.Run(stdout, p => CliRun.Writing(dir, () => BookWriter.BuildAndWrite(input, dir, p)));
            stdout.WriteLine($"Synthetic example tape: {loans.Count} loans; {book.Headlines.Count} pass-through classes; pricing speed {book.PricingSpeed} ({input.Speeds.Count} speeds)");
            foreach (var (c, h) in input.Classes.Zip(book.Headlines))
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {c.Name,-6} {c.OriginalBalance,18:#,##0.00}  {c.Coupon,-18} WAL {h.Wal:0.00} yr  window {h.Window}"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {files.Count} files to {Path.GetFullPath(dir)} (open index.html) in {clock.Elapsed.TotalSeconds:0.0} s"));
            return 0;
        }));
        return cmd;
    }

    public static byte[] ExampleTape()
    {
        using var s = typeof(DemoCommand).Assembly.GetManifestResourceStream(TapeResource)
            ?? throw new InvalidOperationException($"resource {TapeResource} is missing from the build");
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
