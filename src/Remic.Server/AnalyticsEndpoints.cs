using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Remic.Core;
using Remic.Deals.Projection;
using Remic.Reports;
using Remic.Reports.Book;
using Remic.Reports.Inputs;

namespace Remic.Server;

/// <summary>A scenario in the CLI's grammar (`remic run`'s options): "100 PPC", "2 CDR", severity "40" or "30,35,40", lag, index paths.</summary>
public sealed class RunRequest
{
    public string Prepay { get; set; } = "100 PPC";
    public string Default { get; set; } = "0 CDR";
    [JsonConverter(typeof(TextOrNumber))] public string Severity { get; set; } = "0";
    [JsonConverter(typeof(TextOrNumber))] public string? Lag { get; set; }
    public string? Advance { get; set; }
    /// <summary>Index paths NAME=percent or NAME=p1,p2,... (default the deal file's assumptions.indices).</summary>
    public string[] Index { get; set; } = [];
    public string? PpcRamp { get; set; }
    public bool Call { get; set; }
    /// <summary>Only these classes in the monthly rows (the summary keeps every class).</summary>
    public string[] Classes { get; set; } = [];
    /// <summary>Include the month-by-month class and collateral rows (default true).</summary>
    public bool Monthly { get; set; } = true;
    /// <summary>Several scenarios at once (each a scenario without monthly rows); at most the server's limit.</summary>
    public List<RunRequest>? Scenarios { get; set; }
}

/// <summary>`remic price`'s options on a deal's class.</summary>
public sealed class PriceRequest
{
    public string? Class { get; set; }
    /// <summary>Prices in 32nds or decimal, comma-separated ("99-16, 100-00"); default the book's grid for the class.</summary>
    public string? Prices { get; set; }
    public string? Speeds { get; set; }
    public string? PricingSpeed { get; set; }
    public string? Settle { get; set; }
    public string[] Index { get; set; } = [];
    public string? PpcRamp { get; set; }
    /// <summary>Treasury par curve "6MO 2.634, 2YR 3.142, ..." for I- and Z-spreads.</summary>
    public string? Curve { get; set; }
    public string? Yields { get; set; }
    public string? Spreads { get; set; }
    public string SpreadKind { get; set; } = "i";
    public bool NoCall { get; set; }
}

/// <summary>The book's terms (`remic cm`'s options); decrement tables also take the classes to show.</summary>
public sealed class BookRequest
{
    public string? Speeds { get; set; }
    public string? PricingSpeed { get; set; }
    public string? Settle { get; set; }
    public string[] Index { get; set; } = [];
    public string? PpcRamp { get; set; }
    public string[] Classes { get; set; } = [];
}

/// <summary>Analytics on a stored deal: run (cash flows), price (the price/yield exhibit), decrement tables, the CM book as a zip.</summary>
public static class AnalyticsEndpoints
{
    public static void Map(WebApplication app)
    {
        var g = app.MapGroup("/api/deals/{id}").WithTags("Analytics");
        g.MapPost("/run", Run).Accepts<RunRequest>("application/json")
            .WithName("RunDeal").WithSummary("Run the deal's waterfall under a scenario: the class summary (WAL, window), monthly class and collateral cash flows, the checks. ?format=csv gives classes.csv")
            .ProducesProblem(404).ProducesProblem(413).ProducesProblem(422);
        g.MapPost("/price", Price).Accepts<PriceRequest>("application/json")
            .WithName("PriceClass").WithSummary("A class's price/yield exhibit (the JSON of `remic price --format json`; ?format=csv or xlsx)")
            .ProducesProblem(404).ProducesProblem(422);
        g.MapPost("/decrement", Decrement).Accepts<BookRequest>("application/json")
            .WithName("DecrementTables").WithSummary("Decrement tables (percent of original balance outstanding by anniversary, WAL) across the speeds")
            .ProducesProblem(404).ProducesProblem(422);
        g.MapPost("/cm", Book).Accepts<BookRequest>("application/json")
            .WithName("ComputationalMaterials").WithSummary("The Computational Materials book (what `remic cm` writes) as a zip, streamed")
            .Produces(200, contentType: "application/zip").ProducesProblem(404).ProducesProblem(422);
    }

    private static void Bound(string? text, char sep, int max, string field)
    {
        if (text is not null && text.Split(sep).Length > max) throw ProblemException.Limit(field, $"at most {max} entries");
    }

    private static void Bound(string[] list, int max, string field)
    {
        if (list.Length > max) throw ProblemException.Limit(field, $"at most {max} entries");
    }

    private static async Task<IResult> Run(string id, HttpRequest http, DealStore store, ServerOptions o, ServerMetrics m, string? format)
    {
        var d = store.Get(id).Deal;
        var req = await Bodies.ReadJson<RunRequest>(http, o.MaxJsonBytes);
        if (req.Scenarios is { } many)
        {
            if (many.Count > o.MaxScenarios) throw ProblemException.Limit("scenarios", $"at most {o.MaxScenarios} scenarios in one request; {many.Count:N0} were sent");
            if (many.Count == 0) throw ProblemException.Limit("scenarios", "at least one scenario when the field is given");
            var results = new JsonArray();
            foreach (var (s, k) in many.Select((s, k) => (s, k)))
            {
                if (s.Scenarios is not null) throw ProblemException.Limit($"scenarios[{k}].scenarios", "scenarios do not nest");
                var (run, scenario) = RunOne(d, s);
                m.Run();
                results.Add(new JsonObject { ["scenario"] = ScenarioJson(s, run), ["summary"] = Json(TableJson.Of(RunSummary.Of(run))) });
            }
            return Results.Text(new JsonObject { ["deal_id"] = id, ["results"] = results }.ToJsonString(), "application/json");
        }
        var (r, sc) = RunOne(d, req);
        m.Run();
        var only = ScenarioOptions.ClassNames(d, req.Classes);
        var report = new RunReport(r, sc, only);
        if (format == "csv")
        {
            var (texts, _) = report.Files("csv");
            return Results.Text(texts.First(t => t.Name == "classes.csv").Text, "text/csv; charset=utf-8");
        }
        if (format is not (null or "json")) throw new RemicInputException("format", 0, "", format, "json or csv");
        var body = new JsonObject
        {
            ["deal_id"] = id,
            ["scenario"] = ScenarioJson(req, r),
            ["summary"] = Json(TableJson.Of(RunSummary.Of(r))),
        };
        if (!req.Monthly)
        {
            body["checks"] = new JsonArray(report.CheckLines().Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());
            return Results.Text(body.ToJsonString(), "application/json");
        }
        // The monthly rows as `remic run --format json` writes them ({"classes": [...], "collateral": [...], "checks": [...]}),
        // spliced after the summary rather than parsed and written again.
        var head = body.ToJsonString();
        var flows = report.Json(indented: false);
        return Results.Text(head[..^1] + "," + flows[1..], "application/json");
    }

    private static (DealProjection, Remic.Collateral.Scenario) RunOne(Remic.Deals.Model.Deal d, RunRequest req)
    {
        Bound(req.Index, 20, "index");
        Bound(req.Classes, 500, "classes");
        // index_files false: a request names no file on the server.
        var scenario = ScenarioOptions.Build(d, req.Prepay, req.Default, req.Severity, req.Lag, req.PpcRamp, req.Advance, req.Index, indexFiles: false);
        return (DealRunner.Run(d, scenario, req.Call), scenario);
    }

    private static JsonObject ScenarioJson(RunRequest r, DealProjection run) => new()
    {
        ["prepay"] = r.Prepay, ["default"] = r.Default, ["severity"] = r.Severity, ["lag"] = r.Lag ?? "0", ["advance"] = r.Advance,
        ["index"] = new JsonArray(r.Index.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()), ["call"] = r.Call,
        ["called_in_period"] = run.CalledAt is { } c ? JsonValue.Create(c) : null, ["distributions"] = run.Periods.Count,
    };

    private static JsonNode Json<T>(T value) => System.Text.Json.JsonSerializer.SerializeToNode(value, ServerJson.Options)!;

    private static DealBookTerms Terms(Remic.Deals.Model.Deal d, string? speeds, string? pricing, string? settle, string[] index, string? ramp, ServerOptions o)
    {
        Bound(speeds, speeds?.Contains(';') == true ? ';' : ',', o.MaxSpeeds, "speeds");
        Bound(index, 20, "index");
        var errors = new List<InputError>();
        var terms = DealOptions.Terms(d, speeds, settle, index, ramp, errors, pricing);
        if (errors.Count > 0) throw new RemicInputException(errors);
        return terms;
    }

    private static async Task<IResult> Price(string id, HttpRequest http, DealStore store, ServerOptions o, ServerMetrics m, string? format)
    {
        var d = store.Get(id).Deal;
        var req = await Bodies.ReadJson<PriceRequest>(http, o.MaxJsonBytes);
        Bound(req.Prices, ',', o.MaxPrices, "prices");
        Bound(req.Yields, ',', o.MaxQuotes, "yields");
        Bound(req.Spreads, ',', o.MaxQuotes, "spreads");
        if (req.Curve is { Length: > 4096 }) throw ProblemException.Limit("curve", "at most 4,096 characters");
        if (req.Curve is { } ct && !ct.Contains(' ')) throw new RemicInputException("curve", 0, "", ct, "a par curve written out, e.g. \"6MO 2.634, 2YR 3.142, 10YR 4.140, 30YR 4.645\" (the server reads no file)");
        var errors = new List<InputError>();
        T Try<T>(Func<T> read, T fallback)
        {
            try { return read(); }
            catch (RemicInputException e) { errors.AddRange(e.Errors); return fallback; }
        }
        var terms = Try(() => Terms(d, req.Speeds, req.PricingSpeed, req.Settle, req.Index, req.PpcRamp, o), null);
        var prices = Try(() => PriceOptions.Prices(req.Prices), []);
        var quotes = Try(() => PriceOptions.Quotes(req.Curve, req.Yields, req.Spreads, req.SpreadKind), null);
        string? cls = null;
        if (req.Class is null) errors.Add(new InputError("class", 0, "", null, "the class to price"));
        else cls = Try(() => NameMatch.Resolve(req.Class, d.Classes.Select(c => c.Name).ToList(), "class", "a class of the deal"), null);
        if (req.NoCall && d.CleanUpCall is null)
            errors.Add(new InputError("no_call", 0, "", "true", "a deal with a clean-up call: this deal file has no clean_up_call"));
        if (errors.Count > 0 || terms is null || quotes is null || cls is null) throw new RemicInputException(errors);
        var t = DealPricing.Table(d, terms, cls, new ClassPriceOptions
        {
            Prices = req.Prices is null ? null : prices,
            Curve = quotes.Curve, Yields = quotes.Yields, SpreadsBp = quotes.SpreadsBp, SpreadKind = quotes.Kind,
            ToCall = req.NoCall ? false : null,
        });
        m.Run(t.Exhibit.Scenarios.Count);
        switch (format)
        {
            case null or "json":
                return Results.Text(PriceExhibitJson.Write(t.Title, t.Class.Name, t.Class.Group, t.Settlement, t.PricingSpeed, t.Header, t.Exhibit), "application/json");
            case "csv":
                return Results.Text(CsvRenderer.Render(t.Render()), "text/csv; charset=utf-8");
            case "xlsx":
                return Xlsx([("price-yield", t.Render().Tidy())], $"price-{FileStem(t.Class.Name)}.xlsx");
            default:
                throw new RemicInputException("format", 0, "", format, "json, csv or xlsx");
        }
    }

    /// <summary>A name safe in a Content-Disposition file name: letters, digits, '-' and '.', the rest '_'.</summary>
    public static string FileStem(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());

    /// <summary>An xlsx workbook of the tables (a sheet each), written to a temporary file and sent.</summary>
    public static IResult Xlsx(IEnumerable<(string Sheet, TidyData Data)> sheets, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"remic-{Guid.NewGuid():N}.xlsx");
        try
        {
            DataFiles.WriteXlsx(path, sheets);
            return Results.Bytes(File.ReadAllBytes(path), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        }
        finally { File.Delete(path); }
    }

    private static async Task<IResult> Decrement(string id, HttpRequest http, DealStore store, ServerOptions o, ServerMetrics m, string? format)
    {
        var d = store.Get(id).Deal;
        var req = await Bodies.ReadJson<BookRequest>(http, o.MaxJsonBytes);
        Bound(req.Classes, 500, "classes");
        var terms = Terms(d, req.Speeds, req.PricingSpeed, req.Settle, req.Index, req.PpcRamp, o);
        var tables = DealDecrement.Tables(d, terms, req.Classes);
        m.Run(tables.Count == 0 ? 0 : tables[0].Table.Speeds.Count);
        if (format == "csv")
            return Results.Text(string.Concat(tables.Select(t => "# " + t.Rendered.Title + "\n" + CsvRenderer.Render(t.Rendered))), "text/csv; charset=utf-8");
        if (format == "xlsx")
            return Xlsx(tables.Select(t => ($"decrement {t.Class.Name}", t.Rendered.Tidy())), "decrement.xlsx");
        if (format is not (null or "json")) throw new RemicInputException("format", 0, "", format, "json, csv or xlsx");
        var body = new JsonObject
        {
            ["deal_id"] = id,
            ["tables"] = new JsonArray(tables.Select(t => (JsonNode?)new JsonObject
            {
                ["class"] = t.Class.Name,
                ["speeds"] = Json(t.Table.Speeds),
                ["wal_years"] = Json(t.Table.Wal.Select(w => Math.Round(w, 6)).ToArray()),
                ["table"] = Json(TableJson.Of(t.Rendered)),
            }).ToArray()),
        };
        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static async Task Book(string id, HttpContext http, DealStore store, ServerOptions o, ServerMetrics m, BookGate gate)
    {
        var d = store.Get(id).Deal;
        var req = await Bodies.ReadJson<BookRequest>(http.Request, o.MaxJsonBytes);
        var terms = Terms(d, req.Speeds, req.PricingSpeed, req.Settle, req.Index, req.PpcRamp, o);
        var work = Path.Combine(Path.GetTempPath(), $"remic-book-{Guid.NewGuid():N}");
        var dir = Path.Combine(work, "book");
        await gate.Slots.WaitAsync(http.RequestAborted);
        try
        {
            Directory.CreateDirectory(work);
            var input = DealBook.Input(d, terms);
            await Task.Run(() => BookWriter.BuildAndWrite(input, dir), http.RequestAborted);
            m.Book();
            // The archive is written to a file beside the book, then sent from it in chunks (never held in memory whole).
            var zipPath = Path.Combine(work, "book.zip");
            ZipFile.CreateFromDirectory(dir, zipPath, CompressionLevel.Fastest, includeBaseDirectory: false);
            http.Response.ContentType = "application/zip";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileStem(id)}-book.zip\"";
            http.Response.ContentLength = new FileInfo(zipPath).Length;
            await http.Response.SendFileAsync(zipPath, http.RequestAborted);
        }
        finally
        {
            gate.Slots.Release();
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }
}
