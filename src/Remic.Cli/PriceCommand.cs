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
    private readonly Option<string?> Prices = new("--prices") { Description = "Prices, comma-separated, in 32nds or decimal (default 98-00 to 102-00 by 16/32)" };
    private const string DefaultSpeeds = "0,50,75,100,125,150,200 PPC";
    private readonly Option<string?> Speeds = new("--speeds") { Description = "Prepayment speeds: '0,50,100 PPC' (the unit applies to each value), or ';' between vector speeds (default " + DefaultSpeeds + ")" };
    private readonly Option<string?> Ramp = new("--ppc-ramp") { Description = "100% PPC ramp: start CPR, plateau CPR, months to plateau (default a deal file's prepayment_assumption, else 8,20,12)" };
    private readonly Option<string?> Cutoff = new("--cutoff") { Description = "Cut-off (dated) date, YYYY-MM-DD (default 2004-04-01); first distribution the 25th of the next month" };
    private readonly Option<string?> Settle = new("--settle") { Description = "Settlement date, YYYY-MM-DD (default the last day of the cut-off month)" };
    private readonly Option<string?> Delay = new("--delay") { Description = "Payment delay, days (default 24)" };
    private readonly Option<string?> Coupon = new("--coupon") { Description = "Price a class of the group's balance paying this fixed coupon (percent, 30/360) instead of the net WAC" };
    private readonly Option<string[]> Index = new("--index") { Description = "ARM index path NAME=rate (percent), or NAME=r1,r2,... by month; repeatable", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string> Format = new("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
    private readonly Option<string?> Out = new("--out") { Description = "Write to this file instead of stdout (only when the run succeeds)" };

    public static Command Build() => new PriceCommand().Create();

    private Command Create()
    {
        var cmd = new Command("price", "Price/yield table of a deal's class (deal.yaml --class), or of a tape's loan group as a pass-through, across prepayment speeds");
        cmd.Arguments.Add(DealFile);
        foreach (Option o in new Option[] { ClassName, TapeFile, Group, Prices, Speeds, Ramp, Cutoff, Settle, Delay, Coupon, Index, Format, Out }) cmd.Options.Add(o);
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
            var format = Try(() => CollateralReport.ParseFormat(parse.GetValue(Format)!), ReportFormat.Table);
            var loans = Try(() => ReadGroup(parse), (IReadOnlyList<Loan>)[]);
            var prices = Try(() => ParsePrices(parse.GetValue(Prices)), (IReadOnlyList<Price32>)[]);
            var ramp = Try(() => PpcRamp.Parse(parse.GetValue(Ramp) ?? "8,20,12"), PpcRamp.CwaltFixed);
            var speeds = Try(() => SpeedList.Parse(parse.GetValue(Speeds) ?? DefaultSpeeds, ramp), (IReadOnlyList<Speed>)[]);
            var cutoff = Try(() => CliValues.Date(parse.GetValue(Cutoff), "--cutoff", new DateOnly(2004, 4, 1)), new DateOnly(2004, 4, 1));
            var settle = Try(() => CliValues.Date(parse.GetValue(Settle), "--settle", Period.Of(cutoff).Day(31)), cutoff);
            var delay = Try(() => CliValues.Whole(parse.GetValue(Delay), "--delay", 0, 60, "a payment delay in days from 0 to 60", 24), 24);
            double? coupon = parse.GetValue(Coupon) is { } ct ? Try(() => CliValues.Number(ct, "--coupon", 0, 25, "a coupon in percent from 0 to 25, e.g. 5.5"), 0) / 100 : null;
            var indices = Try(() => CollateralCommand.ReadIndices(parse.GetValue(Index) ?? []), new Dictionary<string, MonthlyVector>());
            foreach (var name in loans.Where(l => l.Arm is not null).Select(l => l.Arm!.Index).Distinct(StringComparer.OrdinalIgnoreCase))
                if (!indices.ContainsKey(name))
                    errors.Add(new InputError("--index", 0, name, null, $"an ARM resets off index '{name}' but no value was given for it (e.g. --index \"{name}=5.32\")"));
            if (settle < cutoff)
                errors.Add(new InputError("--settle", 0, "", settle.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    $"the settlement date must be on or after the dated date {cutoff:yyyy-MM-dd}"));
            if (errors.Count > 0) throw new RemicInputException(errors);

            var pool = new LoanPool(loans);
            var first = Period.Of(cutoff).AddMonths(1).Day(25);
            var columns = speeds.Select(s =>
            {
                var g = Projector.Project(pool, new Scenario { Prepay = s, Indices = indices }).Groups[0];
                var f = coupon is { } c ? CollateralFlows.ProRataClass(g, g.EndBalance[0], c, first, cutoff, delay) : CollateralFlows.PassThrough(g, first, cutoff, delay);
                return (s.Text, f);
            }).ToList();
            var table = PriceYieldTable.Build(columns, prices, settle);
            var group = loans[0].Group;
            var netWac = loans.Sum(l => l.Balance * l.NetRate) / loans.Sum(l => l.Balance);
            var title = coupon is { } cp
                ? string.Create(CultureInfo.InvariantCulture, $"Group {group}: {cp * 100:0.000}% class on the group's principal")
                : string.Create(CultureInfo.InvariantCulture, $"Group {group}: pass-through at the net WAC ({netWac * 100:0.000}%)");
            var text = format switch
            {
                ReportFormat.Csv => CsvRenderer.Render(ClassTables.PriceYield(title, table, settle)),
                ReportFormat.Json => Json(title, group, coupon, settle, table),
                _ => TextRenderer.Render(ClassTables.PriceYield(title, table, settle)),
            };
            CliRun.Emit(stdout, parse.GetValue(Out), text);
            return 0;
        }));
        return cmd;
    }

    /// <summary>remic price deal.yaml --class NAME: the class's price/yield table from the deal's waterfall (DM row for a floater).</summary>
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
        var format = Try(() => CollateralReport.ParseFormat(parse.GetValue(Format)!), ReportFormat.Table);
        var prices = Try(() => ParsePrices(parse.GetValue(Prices)), (IReadOnlyList<Price32>)[]);
        var className = parse.GetValue(ClassName);
        if (className is null) errors.Add(new InputError("--class", 0, "", null, "this option is required with a deal file: the class to price"));
        Remic.Deals.Model.Deal? deal = null;
        DealBookTerms? terms = null;
        try { (deal, terms) = DealOptions.Read(dealPath, parse.GetValue(Speeds), parse.GetValue(Settle), parse.GetValue(Index), parse.GetValue(Ramp), errors); }
        catch (RemicInputException e) { errors.AddRange(e.Errors); } // the deal file itself
        if (deal is not null && className is not null)
            className = Try(() => NameMatch.Resolve(className, deal.Classes.Select(c => c.Name).ToList(), "--class", "a class of the deal"), className);
        if (errors.Count > 0 || deal is null || terms is null || className is null) throw new RemicInputException(errors);

        var table = DealPricing.Table(deal, terms, className, parse.GetValue(Prices) is null ? null : prices);
        var text = format switch
        {
            ReportFormat.Csv => CsvRenderer.Render(table.Render()),
            ReportFormat.Json => Json(table.Title, table.Class.Group, null, table.Settlement, table.Table, table.DiscountMarginBp, table.Class.Name),
            _ => TextRenderer.Render(table.Render()),
        };
        CliRun.Emit(stdout, parse.GetValue(Out), text);
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

    internal static IReadOnlyList<Price32> ParsePrices(string? text)
    {
        if (text is null) return BookInput.DefaultPrices;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var errors = new List<InputError>();
        var prices = new List<Price32>();
        foreach (var p in parts)
        {
            try
            {
                var price = Price32.Parse(p, "--prices");
                if (price.Value <= 0) throw new RemicInputException("--prices", 0, "", p, "a price above 0");
                prices.Add(price);
            }
            catch (RemicInputException e) { errors.AddRange(e.Errors); }
        }
        if (errors.Count > 0) throw new RemicInputException(errors);
        return prices;
    }

    internal static string Json(string title, string group, double? coupon, DateOnly settle, PriceYieldTable t, IReadOnlyList<double>? dm = null, string? className = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("title", title);
            if (className is not null) w.WriteString("class", className);
            w.WriteString("group", group);
            if (coupon is { } c) w.WriteNumber("coupon_percent", Math.Round(c * 100, 10));
            w.WriteString("settlement", settle.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("reference_price", t.ReferencePrice.ToString());
            w.WriteStartArray("speeds");
            for (var s = 0; s < t.Speeds.Count; s++)
            {
                var f = t.AtReference[s];
                w.WriteStartObject();
                w.WriteString("speed", t.Speeds[s]);
                w.WriteStartArray("yields");
                for (var r = 0; r < t.Prices.Count; r++)
                {
                    w.WriteStartObject();
                    w.WriteString("price", t.Prices[r].ToString());
                    w.WriteNumber("yield_percent", Math.Round(t.Yields[r][s] * 100, 6));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteNumber("wal_years", Math.Round(f.Wal, 6));
                w.WriteNumber("modified_duration", Math.Round(f.ModifiedDuration, 6));
                w.WriteNumber("convexity", Math.Round(f.Convexity, 6));
                w.WriteString("principal_window", f.Window.Label);
                w.WriteNumber("maturity_months", f.MaturityMonths);
                if (dm is not null) w.WriteNumber("discount_margin_bp", Math.Round(dm[s], 4));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
