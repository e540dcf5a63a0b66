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
        foreach (var (c, h) in input.Classes.Zip(book.Headlines))
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Name,-7} {c.OriginalBalance,16:#,##0.00}{(c.Notional ? " (N)" : "    ")} {c.Coupon,-24} WAL {h.Wal,6:0.00} yr  window {h.Window}{(c.Offered ? "" : "  (not offered)")}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {files.Count} files to {Path.GetFullPath(dir)} (open index.html) in {clock.Elapsed.TotalSeconds:0.0} s"));
    }
}

/// <summary>Reads the options shared by <c>remic cm</c> and <c>remic price</c> on a deal file, collecting every error.</summary>
internal static class DealOptions
{
    public static (Remic.Deals.Model.Deal Deal, DealBookTerms Terms) Read(string path, string? speedText, string? settleText, string[]? indexSpecs, string? rampText,
        string? pricingSpeedText = null)
    {
        var errors = new List<InputError>();
        var read = Read(path, speedText, settleText, indexSpecs, rampText, errors, pricingSpeedText);
        if (errors.Count > 0) throw new RemicInputException(errors);
        return read;
    }

    /// <summary>Adds every problem to <paramref name="errors"/>; the deal is returned whenever its file loads, so callers can check more against it.</summary>
    public static (Remic.Deals.Model.Deal Deal, DealBookTerms Terms) Read(string path, string? speedText, string? settleText, string[]? indexSpecs, string? rampText, List<InputError> errors,
        string? pricingSpeedText = null)
    {
        T Try<T>(Func<T> read, T fallback)
        {
            try { return read(); }
            catch (RemicInputException e) { errors.AddRange(e.Errors); return fallback; }
        }
        var d = DealLoader.Load(path); // a bad deal file is reported alone: the other checks need it
        PpcRamp? given = rampText is null ? null : Try<PpcRamp?>(() => PpcRamp.Parse(rampText), null);
        var ramp = DealBook.Ramp(d, given);
        var speeds = speedText is null ? null : Try(() => SpeedList.Parse(speedText, ramp), null);
        DateOnly? settle = settleText is null ? null : Try<DateOnly?>(() => CliValues.Date(settleText, "--settle", default), null);
        if (settle is not null) Try(() => DealBook.Settlement(d, settle), default);
        var indices = Try(() => CollateralCommand.ReadIndices(indexSpecs ?? []), new Dictionary<string, MonthlyVector>());
        var known = DealBook.IndexNames(d);
        foreach (var name in indices.Keys.Where(n => !known.Contains(n, StringComparer.OrdinalIgnoreCase)))
            errors.Add(new InputError("--index", 0, "", name, known.Count == 0
                ? "the deal uses no index (no floater, corridor or ARM)"
                : $"an index the deal uses ({string.Join(", ", known)})"));
        var pricing = pricingSpeedText is null ? null : Try<Speed?>(() => Speed.Prepay(pricingSpeedText, ramp, "--pricing-speed"), null);
        return (d, new DealBookTerms { Speeds = speeds, Settlement = settle, Indices = indices, Ramp = given, PricingSpeed = pricing });
    }

    /// <summary>"3,082 loans in 4 rep lines" for rep lines (as the trustee registers them: <see cref="Remic.Trustee.Registry.DealFile.LoansOf"/>), "1,000 loans" for a tape.</summary>
    internal static string LoanText(Remic.Deals.Model.Deal d)
    {
        var lines = d.Groups.Where(g => g.TapePath is null).Sum(g => g.Loans.Count);
        var loans = d.Groups.Sum(g => g.TapePath is null ? g.Loans.Sum(l => (long)Remic.Trustee.Registry.DealFile.LoansOf(l)) : g.Loans.Count);
        return lines == 0 ? $"{loans:N0} loans" : $"{loans:N0} loans in {lines} rep line{(lines == 1 ? "" : "s")}";
    }
}
