using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Reports.Book;

namespace Remic.Cli;

/// <summary>
/// <c>remic cm deal.yaml --out book/</c>: the whole Computational Materials book of a deal file (structure, strats,
/// price/yield, decrement, cash flows, rate and loss sensitivity), its waterfall run for every scenario.
/// </summary>
public static class CmCommand
{
    public static Command Build()
    {
        var deal = new Argument<string>("deal") { Description = "Deal file (YAML)" };
        var outDir = new Option<string>("--out") { Description = "Directory to write the book to (replaced whole on success)", DefaultValueFactory = _ => "book" };
        var speeds = new Option<string?>("--speeds") { Description = "Prepayment speeds, e.g. '0,50,75,100,125,150,200 PPC' (default); the pricing speed is added if missing" };
        var pricingSpeed = new Option<string?>("--pricing-speed") { Description = "The speed the cash flow tables, headline WALs and loss scenarios run at (default 100 PPC: 100% of the deal's Prepayment Assumption)" };
        var settle = new Option<string?>("--settle") { Description = "Settlement date YYYY-MM-DD (default the deal file's settlement_date, else its closing date)" };
        var index = new Option<string[]>("--index") { Description = "Index level NAME=rate (percent) or NAME=r1,r2,... by month; repeatable (default the deal file's assumptions.indices, else 1.10% flat)", AllowMultipleArgumentsPerToken = false };
        var ramp = new Option<string?>("--ppc-ramp") { Description = "The deal's 100% PPC: start CPR, plateau CPR, months to plateau (default the deal file's prepayment_assumption, else 8,20,12)" };
        var cmd = new Command("cm", "Write the Computational Materials book of a deal file (text, tidy CSV and book.xlsx per table, PNG charts, index.html)")
            { deal, outDir, speeds, pricingSpeed, settle, index, ramp };
        cmd.SetAction(parse => CliRun.Guard(parse, stdout =>
        {
            CheckNotInside(parse.GetValue(deal)!, parse.GetValue(outDir)!);
            var (d, terms) = DealOptions.Read(parse.GetValue(deal)!, parse.GetValue(speeds), parse.GetValue(settle), parse.GetValue(index), parse.GetValue(ramp),
                parse.GetValue(pricingSpeed));
            WriteBook(stdout, d, terms, parse.GetValue(outDir)!);
            return 0;
        }));
        return cmd;
    }

    /// <summary>The book replaces its directory whole: never one holding the deal file being rendered.</summary>
    private static void CheckNotInside(string dealPath, string dir)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)) + Path.DirectorySeparatorChar;
        if (Path.GetFullPath(dealPath).StartsWith(folder, StringComparison.Ordinal))
            throw new RemicInputException("--out", 0, "", dir, "a directory that does not hold the deal file: the book replaces the whole directory");
    }

    /// <summary>Builds and writes a deal's book (progress bar on a terminal) and prints its headline figures.</summary>
    public static void WriteBook(TextWriter stdout, Remic.Deals.Model.Deal d, DealBookTerms terms, string dir)
    {
        var clock = Stopwatch.StartNew();
        var input = DealBook.Input(d, terms);
        var (book, files) = BookProgressBar.Run(stdout, p => CliRun.Writing(dir, () => BookWriter.BuildAndWrite(input, dir, p)));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{d.Metadata.TrustName}: {DealOptions.LoanText(d)}{(d.StratsLoans.Count > 0 ? $" (strats: a {d.StratsLoans.Count}-loan strats tape)" : "")}; {input.Classes.Count} classes; pricing speed {book.PricingSpeed} ({input.Speeds.Count} speeds); settlement {input.Settlement:yyyy-MM-dd}"));
        var headlines = book.Headlines.ToDictionary(h => h.Class);
        foreach (var c in input.Classes)
        {
            // A class with nothing to receive at the pricing speed has no headline (see BookBuilder).
            var figures = headlines.TryGetValue(c.Name, out var h)
                ? string.Create(CultureInfo.InvariantCulture, $"WAL {h.Wal,6:0.00} yr  window {h.Window}") : "nothing to receive at the pricing speed";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Name,-7} {c.OriginalBalance,16:#,##0.00}{(c.Notional ? " (N)" : "    ")} {c.Coupon,-24} {figures}{(c.Offered ? "" : "  (not offered)")}"));
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {files.Count} files to {Path.GetFullPath(dir)} (open index.html) in {clock.Elapsed.TotalSeconds:0.0} s"));
    }
}
