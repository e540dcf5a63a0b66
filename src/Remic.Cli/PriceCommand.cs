using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Remic.Analytics;
using Remic.Collateral;
using Remic.Collateral.Tape;
using Remic.Core;
using Remic.Reports;
using Remic.Reports.Book;

namespace Remic.Cli;

/// <summary>
/// <c>remic price</c>: the price/yield table of a loan group of a tape as a pass-through (net WAC), or with
/// --coupon as a class of the group's balance paying that fixed coupon on the group's principal. Later: a deal
/// file and --class.
/// </summary>
internal sealed class PriceCommand
{
    private readonly Argument<string?> DealFile = new("deal") { Description = "Deal file (YAML): price one of its classes (--class)", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> ClassName = new("--class") { Description = "With a deal file: the class to price" };
    private readonly Option<string?> TapeFile = new("--tape") { Description = "Loan-level tape (CSV)" };
    private readonly Option<string?> Group = new("--group") { Description = "Loan group to price (required when the tape has several)" };
    private readonly Option<string?> Prices = new("--prices") { Description = "Prices, comma-separated, in 32nds or decimal (default 98-00 to 102-00 by 16/32; a PO or IO: nine prices around a 6% yield)" };
    private const string DefaultSpeeds = "0,50,75,100,125,150,200 PPC";
    private readonly Option<string?> Speeds = new("--speeds") { Description = "Prepayment speeds: '0,50,100 PPC' (the unit applies to each value), or ';' between vector speeds (default " + DefaultSpeeds + ")" };
    private readonly Option<string?> PricingSpeedOpt = new("--pricing-speed") { Description = "The pricing speed (stated in the header, added to the speeds if missing; default 100 PPC: 100% of the deal's Prepayment Assumption)" };
    private readonly Option<string?> Ramp = new("--ppc-ramp") { Description = "100% PPC ramp: start CPR, plateau CPR, months to plateau (default a deal file's prepayment_assumption, else 8,20,12)" };
    private readonly Option<string?> Cutoff = new("--cutoff") { Description = "Tape only: cut-off (dated) date, YYYY-MM-DD (default 2004-04-01); first distribution the 25th of the next month" };
    private readonly Option<string?> Settle = new("--settle") { Description = "Settlement date, YYYY-MM-DD (default: with a deal file its settlement_date, else its closing date; with a tape the last day of the cut-off month)" };
    private readonly Option<string?> Delay = new("--delay") { Description = "Tape only: payment delay, days (default 24)" };
    private readonly Option<string?> Coupon = new("--coupon") { Description = "Tape only: price a class of the group's balance paying this fixed coupon (percent, 30/360) instead of the net WAC" };
    private readonly Option<string[]> Index = new("--index") { Description = "Index path NAME=rate (percent), or NAME=r1,r2,... by month; repeatable (default a deal file's assumptions.indices)", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> Curve = new("--curve") { Description = "Treasury par curve for I-spread and Z-spread rows: \"6MO 2.634, 2YR 3.142, 10YR 4.140, 30YR 4.645\" (percent), or a file of 'tenor yield' lines" };
    private readonly Option<string?> Yields = new("--yields") { Description = "Yields (percent, bond-equivalent) to solve prices for, comma-separated: yield -> price rows" };
    private readonly Option<string?> SpreadsOpt = new("--spreads") { Description = "Spreads (bp) to solve prices for, comma-separated: spread -> price rows (kind: --spread-kind)" };
    private readonly Option<string> SpreadKind = new("--spread-kind") { Description = "What --spreads are: i (I-spread over the par curve at the WAL), z (Z-spread over the zero curve) or dm (a floater's discount margin)", DefaultValueFactory = _ => "i" };
    private readonly Option<bool> NoCall = new("--no-call") { Description = "Leave out the to-call columns a deal with a clean-up call gets" };
    private readonly Option<string> Format = new("--format") { Description = "table, csv (tidy: one row per price and speed), json or xlsx (needs --out)", DefaultValueFactory = _ => "table" };
    private readonly Option<string?> Out = new("--out") { Description = "Write to this file instead of stdout (only when the run succeeds)" };

    public static Command Build() => new PriceCommand().Create();

    private Command Create()
    {
        var cmd = new Command("price", "Price/yield exhibit of a deal's class (deal.yaml --class), or of a tape's loan group as a pass-through, across prepayment speeds");
        cmd.Arguments.Add(DealFile);
        foreach (Option o in new Option[] { ClassName, TapeFile, Group, Prices, Speeds, PricingSpeedOpt, Ramp, Cutoff, Settle, Delay, Coupon, Index, Curve, Yields, SpreadsOpt, SpreadKind, NoCall, Format, Out })
            cmd.Options.Add(o);
        cmd.SetAction(parse => CliRun.Guard(parse, stdout =>
        {
            if (parse.GetValue(DealFile) is { } dealPath) return PriceDealClass(parse, stdout, dealPath);
            var errors = new List<InputError>();
            if (parse.GetValue(ClassName) is { } cn)
                errors.Add(new InputError("--class", 0, "", cn, "a deal file to take the class from (remic price deal.yaml --class NAME)"));
            T Try<T>(Func<T> read, T fallback)
            {
                try { return read(); }
                catch (RemicInputException e) { errors.AddRange(e.Errors); return fallback; }
            }
            var format = Try(() => ParseFormat(parse), PriceFormat.Table);
            var loans = Try(() => ReadGroup(parse), (IReadOnlyList<Loan>)[]);
            var prices = Try(() => ParsePrices(parse.GetValue(Prices)), (IReadOnlyList<Price32>)[]);
            var ramp = Try(() => PpcRamp.Parse(parse.GetValue(Ramp) ?? "8,20,12"), PpcRamp.CwaltFixed);
            var speeds = Try(() => SpeedList.Parse(parse.GetValue(Speeds) ?? DefaultSpeeds, ramp), (IReadOnlyList<Speed>)[]);
            var pricing = Try(() => Speed.Prepay(parse.GetValue(PricingSpeedOpt) ?? "100 PPC", ramp, "--pricing-speed"), DealBook.PricingSpeed(ramp));
            var cutoff = Try(() => CliValues.Date(parse.GetValue(Cutoff), "--cutoff", new DateOnly(2004, 4, 1)), new DateOnly(2004, 4, 1));
            var settle = Try(() => CliValues.Date(parse.GetValue(Settle), "--settle", Period.Of(cutoff).Day(31)), cutoff);
            var delay = Try(() => CliValues.Whole(parse.GetValue(Delay), "--delay", 0, 60, "a payment delay in days from 0 to 60", 24), 24);
            double? coupon = parse.GetValue(Coupon) is { } ct ? Try(() => CliValues.Number(ct, "--coupon", 0, 25, "a coupon in percent from 0 to 25, e.g. 5.5"), 0) / 100 : null;
            var indices = Try(() => CollateralCommand.ReadIndices(parse.GetValue(Index) ?? []), new Dictionary<string, MonthlyVector>());
            var quotes = Try(() => ReadQuotes(parse), new Quotes(null, [], [], QuoteKind.ISpread));
            foreach (var name in loans.Where(l => l.Arm is not null).Select(l => l.Arm!.Index).Distinct(StringComparer.OrdinalIgnoreCase))
                if (!indices.ContainsKey(name))
                    errors.Add(new InputError("--index", 0, name, null, $"an ARM resets off index '{name}' but no value was given for it (e.g. --index \"{name}=5.32\")"));
            if (settle < cutoff)
                errors.Add(new InputError("--settle", 0, "", settle.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    $"the settlement date must be on or after the dated date {cutoff:yyyy-MM-dd}"));
            if (quotes.Kind == QuoteKind.DiscountMargin && quotes.SpreadsBp.Count > 0)
                errors.Add(new InputError("--spread-kind", 0, "", "dm", "i or z: a tape's pass-through has no index-linked coupon, so no discount margin"));
            if (parse.GetResult(NoCall) is { Implicit: false })
                errors.Add(new InputError("--no-call", 0, "", null, "only with a deal file: a tape's pass-through has no clean-up call columns"));
            CheckXlsxOut(parse, format, errors);
            if (errors.Count > 0) throw new RemicInputException(errors);

            var pool = new LoanPool(loans);
            var first = Period.Of(cutoff).AddMonths(1).Day(25);
            var columns = DealBook.WithPricingSpeed(speeds, pricing).Select(s =>
            {
                var g = Projector.Project(pool, new Scenario { Prepay = s, Indices = indices }).Groups[0];
                var f = coupon is { } c ? CollateralFlows.ProRataClass(g, g.EndBalance[0], c, first, cutoff, delay) : CollateralFlows.PassThrough(g, first, cutoff, delay);
                return new ExhibitScenario(s.Text, f);
            }).ToList();
            var exhibit = PriceExhibit.Build(columns, new ExhibitRequest
            {
                Settle = settle, Prices = prices, Curve = quotes.Curve, Yields = quotes.Yields, SpreadsBp = quotes.SpreadsBp, SpreadKind = quotes.Kind,
            });
            var group = loans[0].Group;
            var netWac = loans.Sum(l => l.Balance * l.NetRate) / loans.Sum(l => l.Balance);
            var title = coupon is { } cp
                ? string.Create(CultureInfo.InvariantCulture, $"Group {group}: {cp * 100:0.000}% class on the group's principal")
                : string.Create(CultureInfo.InvariantCulture, $"Group {group}: pass-through at the net WAC ({netWac * 100:0.000}%)");
            var header = PriceExhibitTables.GroupHeader(loans.Sum(l => l.Balance), Fmt3((coupon ?? netWac) * 100), delay, cutoff, settle, first, loans, pricing.Text);
            if (quotes.Curve is { } curve) header = [.. header, new BookLine("Treasury Curve", curve.Source)];
            var table = PriceExhibitTables.Render(title, header, exhibit, $"group {group}");
            Emit(stdout, parse, format, table,
                () => PriceExhibitJson.Write(title, null, group, settle, pricing.Text, header, exhibit, coupon is { } c2 ? c2 * 100 : null));
            return 0;
        }));
        return cmd;
    }

    private static string Fmt3(double x) => x.ToString("0.000###", CultureInfo.InvariantCulture);

    private enum PriceFormat { Table, Csv, Json, Xlsx }

    private PriceFormat ParseFormat(ParseResult parse) => parse.GetValue(Format)!.Trim().ToLowerInvariant() switch
    {
        "table" => PriceFormat.Table,
        "csv" => PriceFormat.Csv,
        "json" => PriceFormat.Json,
        "xlsx" => PriceFormat.Xlsx,
        var other => throw new RemicInputException("--format", 0, "", parse.GetValue(Format), "table, csv, json or xlsx"),
    };

    private void CheckXlsxOut(ParseResult parse, PriceFormat format, List<InputError> errors)
    {
        if (format != PriceFormat.Xlsx) return;
        var path = parse.GetValue(Out);
        if (path is null) errors.Add(new InputError("--out", 0, "", null, "a file to write the workbook to (--format xlsx does not print)"));
        else if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) errors.Add(new InputError("--out", 0, "", path, "a file name ending in .xlsx"));
    }

    /// <summary>Prints or writes the exhibit in the format asked: aligned text, tidy CSV, JSON, or an xlsx workbook (the exhibit's data and its header).</summary>
    private void Emit(TextWriter stdout, ParseResult parse, PriceFormat format, Table table, Func<string> json)
    {
        var path = parse.GetValue(Out);
        if (format == PriceFormat.Xlsx)
        {
            var full = Path.GetFullPath(path!);
            if (!Directory.Exists(Path.GetDirectoryName(full))) throw new RemicInputException("--out", 0, "", path, "a file in an existing directory");
            var header = new TidyData(["item", "value"], [.. table.Preamble.Count == 0 ? [] : HeaderRows(table)]);
            CliRun.Writing(path!, () => { DataFiles.WriteXlsx(full, [("price-yield", table.Tidy()), ("header", header)]); return 0; });
            stdout.WriteLine($"wrote {path}");
            return;
        }
        var text = format switch
        {
            PriceFormat.Csv => CsvRenderer.Render(table),
            PriceFormat.Json => json(),
            _ => TextRenderer.Render(table),
        };
        CliRun.Emit(stdout, path, text);
    }

    private static IEnumerable<IReadOnlyList<object?>> HeaderRows(Table t) =>
        t.Notes.Select((n, i) => (IReadOnlyList<object?>)[$"note {i + 1}", n]).Prepend([ "title", t.Title ]);

    private sealed record Quotes(TreasuryCurve? Curve, IReadOnlyList<double> Yields, IReadOnlyList<double> SpreadsBp, QuoteKind Kind);

    private Quotes ReadQuotes(ParseResult parse)
    {
        var q = PriceOptions.Quotes(parse.GetValue(Curve), parse.GetValue(Yields), parse.GetValue(SpreadsOpt), parse.GetValue(SpreadKind)!);
        return new Quotes(q.Curve, q.Yields, q.SpreadsBp, q.Kind);
    }

    /// <summary>remic price deal.yaml --class NAME: the class's price exhibit from the deal's waterfall (DM rows for a floater, to-call columns when the deal has a clean-up call).</summary>
    private int PriceDealClass(ParseResult parse, TextWriter stdout, string dealPath)
    {
        var errors = new List<InputError>();
        T Try<T>(Func<T> read, T fallback)
        {
            try { return read(); }
            catch (RemicInputException e) { errors.AddRange(e.Errors); return fallback; }
        }
        foreach (var (o, name) in new (Option, string)[] { (TapeFile, "--tape"), (Group, "--group"), (Cutoff, "--cutoff"), (Delay, "--delay"), (Coupon, "--coupon") })
            if (parse.GetResult(o) is { Implicit: false })
                errors.Add(new InputError(name, 0, "", null, "only for a tape; a deal file gives its own collateral, dates, delay and coupons"));
        var format = Try(() => ParseFormat(parse), PriceFormat.Table);
        var prices = Try(() => ParsePrices(parse.GetValue(Prices)), (IReadOnlyList<Price32>)[]);
        var quotes = Try(() => ReadQuotes(parse), new Quotes(null, [], [], QuoteKind.ISpread));
        CheckXlsxOut(parse, format, errors);
        var className = parse.GetValue(ClassName);
        if (className is null) errors.Add(new InputError("--class", 0, "", null, "this option is required with a deal file: the class to price"));
        Remic.Deals.Model.Deal? deal = null;
        DealBookTerms? terms = null;
        try { (deal, terms) = DealOptions.Read(dealPath, parse.GetValue(Speeds), parse.GetValue(Settle), parse.GetValue(Index), parse.GetValue(Ramp), errors, parse.GetValue(PricingSpeedOpt)); }
        catch (RemicInputException e) { errors.AddRange(e.Errors); } // the deal file itself
        string? resolved = null;
        if (deal is not null && className is not null)
            resolved = Try(() => NameMatch.Resolve(className, deal.Classes.Select(c => c.Name).ToList(), "--class", "a class of the deal"), (string?)null);
        if (parse.GetValue(NoCall) && deal is not null && deal.CleanUpCall is null)
            errors.Add(new InputError("--no-call", 0, "", null, "a deal with a clean-up call: this deal file has no clean_up_call, so there are no to-call columns to leave out"));
        if (errors.Count > 0 || deal is null || terms is null || resolved is null) throw new RemicInputException(errors);

        var t = DealPricing.Table(deal, terms, resolved, new ClassPriceOptions
        {
            Prices = parse.GetValue(Prices) is null ? null : prices,
            Curve = quotes.Curve, Yields = quotes.Yields, SpreadsBp = quotes.SpreadsBp, SpreadKind = quotes.Kind,
            ToCall = parse.GetValue(NoCall) ? false : null,
        });
        Emit(stdout, parse, format, t.Render(),
            () => PriceExhibitJson.Write(t.Title, t.Class.Name, t.Class.Group, t.Settlement, t.PricingSpeed, t.Header, t.Exhibit));
        return 0;
    }

    private IReadOnlyList<Loan> ReadGroup(ParseResult parse)
    {
        var tape = parse.GetValue(TapeFile) ?? throw new RemicInputException("--tape", 0, "", null, "this option is required: a loan-level tape (CSV)");
        var loans = TapeReader.ReadFile(tape);
        var names = loans.Select(l => l.Group).Distinct()
            .OrderBy(g => int.TryParse(g, out var n) ? n : int.MaxValue).ThenBy(g => g, StringComparer.Ordinal).ToList();
        var group = parse.GetValue(Group);
        if (group is null)
        {
            if (names.Count == 1) return loans;
            throw new RemicInputException("--group", 0, "", null, $"this option is required: a loan group on the tape ({string.Join(", ", names)})");
        }
        var picked = loans.Where(l => l.Group == group).ToList();
        if (picked.Count == 0) throw new RemicInputException("--group", 0, "", group, $"a loan group on the tape ({string.Join(", ", names)})");
        return picked;
    }

    internal static IReadOnlyList<Price32> ParsePrices(string? text) => PriceOptions.Prices(text);
}
