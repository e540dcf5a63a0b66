using System.Globalization;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Reports;
using Remic.Reports.Inputs;
using Remic.Reports.Statements;
using Remic.Trustee.Ledger;
using Remic.Trustee.Operations;
using Remic.Trustee.Periods;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Statements;
using Remic.Trustee.Waterfall;

namespace Remic.Server;

public sealed class RegisterRequest
{
    /// <summary>The store's deal id (GET /api/deals) to register.</summary>
    public string Deal { get; set; } = "";
    /// <summary>The ledger's deal id (default the deal file's series).</summary>
    public string? DealId { get; set; }
    public string? Actor { get; set; }
}

public sealed class CloseRequest
{
    /// <summary>One-month LIBOR fixing in percent (the same as index LIBOR_1MO=rate).</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(TextOrNumber))] public string? Libor { get; set; }
    /// <summary>Index fixings NAME=rate in percent.</summary>
    public string[] Index { get; set; } = [];
    public string? Actor { get; set; }
}

public sealed class ReopenRequest
{
    public string Reason { get; set; } = "";
    public string? Actor { get; set; }
}

/// <summary>The trustee's monthly cycle on the server's ledger: register, remit (multipart CSV), close, reopen; status, periods, statements, audit log.</summary>
public static class TrusteeEndpoints
{
    public static void Map(WebApplication app)
    {
        var g = app.MapGroup("/api/trustee").WithTags("Trustee");
        g.MapGet("/deals", (Ledger l) => Results.Json(DealStatusView.Status(l.Db), ServerJson.Options))
            .WithName("TrusteeStatus").WithSummary("Deals on the ledger: loans, balances, periods closed, the open period and the next step")
            .Produces<List<DealStatus>>().ProducesProblem(503);
        g.MapPost("/deals", async (HttpRequest http, Ledger l, DealStore s, ServerOptions o) =>
        {
            var req = await Bodies.ReadJson<RegisterRequest>(http, o.MaxJsonBytes);
            var d = s.Get(req.Deal);
            var reg = DealFile.Registration(d.Deal, $"{d.Id}/{DealStore.DealFileName}", d.Text, req.DealId is { Length: > 0 } x ? InputText.Name(x, "deal_id") : null);
            var done = DealRegistry.Register(l.Db, reg, Actor(req.Actor));
            return Results.Json(done, ServerJson.Options, statusCode: 201);
        }).AddEndpointFilter<RequireApiKey>().Accepts<RegisterRequest>("application/json")
            .WithName("TrusteeRegister").WithSummary("Register a stored deal on the ledger (`remic trustee init`)")
            .Produces<RegisteredDeal>(201).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        g.MapGet("/deals/{dealId}", (string dealId, Ledger l) => Results.Json(Known(l, dealId) is var _ ? DealStatusView.Status(l.Db, dealId)[0] : null, ServerJson.Options))
            .WithName("TrusteeDeal").WithSummary("One deal's status on the ledger").Produces<DealStatus>().ProducesProblem(404);
        g.MapGet("/deals/{dealId}/periods", (string dealId, Ledger l) => { Known(l, dealId); return Results.Json(DealStatusView.Periods(l.Db, dealId), ServerJson.Options); })
            .WithName("TrusteePeriods").WithSummary("A deal's periods: state, remittance, when imported and closed, what each close distributed")
            .Produces<List<PeriodLine>>().ProducesProblem(404);
        g.MapPost("/deals/{dealId}/periods/{period}/remittance", async (string dealId, string period, HttpRequest http, Ledger l, ServerOptions o) =>
        {
            Known(l, dealId);
            var per = Period.Parse(period, "period");
            if (!http.HasFormContentType)
                throw new ProblemException(Problems.Of(Problems.UnsupportedMediaType, 415, "A multipart form is expected", "send the remittance CSV as multipart/form-data in a field named file"));
            if (http.ContentLength is { } n && n > o.MaxRemittanceBytes) throw ProblemException.TooLarge(o.MaxRemittanceBytes);
            var form = await http.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = o.MaxRemittanceBytes }, http.HttpContext.RequestAborted);
            var file = form.Files.GetFile("file") ?? throw new RemicInputException("file", 0, "", null, "a remittance CSV in the form field 'file'");
            if (file.Length > o.MaxRemittanceBytes) throw ProblemException.TooLarge(o.MaxRemittanceBytes);
            string text;
            using (var reader = new StreamReader(file.OpenReadStream())) text = await reader.ReadToEndAsync();
            var replace = form["replace"].FirstOrDefault() is "true" or "on" or "1";
            var name = Path.GetFileName(file.FileName is { Length: > 0 } f ? f : "remittance.csv");
            var r = RemittanceImporter.Import(l.Db, dealId, per, InputText.Visible(name), text, Actor(form["actor"].FirstOrDefault()), replace);
            return Results.Json(r, ServerJson.Options, statusCode: 201);
        }).AddEndpointFilter<RequireApiKey>().DisableAntiforgery()
            .WithName("TrusteeRemit").WithSummary("Import a servicer's loan-level remittance CSV for a period (multipart form: file, replace, actor)")
            .Produces<ImportResult>(201).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
        g.MapPost("/deals/{dealId}/periods/{period}/close", async (string dealId, string period, HttpRequest http, Ledger l, ServerOptions o, ServerMetrics m) =>
        {
            Known(l, dealId);
            var req = await Bodies.ReadJson<CloseRequest>(http, o.MaxJsonBytes);
            if (req.Index.Length > 20) throw ProblemException.Limit("index", "at most 20 entries");
            var per = Period.Parse(period, "period");
            var market = CloseOptions.Market(req.Libor, req.Index);
            var d = DealFile.FromLedger(l.Db, dealId);
            DealIndices.CheckFixings(d, req.Index.Select(x => x.IndexOf('=') is > 0 and var eq ? x[..eq].Trim() : x), "index");
            var r = new PeriodCloser(l.Db, new WaterfallCalculator(d)).Close(dealId, per, market, Actor(req.Actor));
            if (r.Outcome == CloseOutcome.Closed) m.Close();
            return Results.Json(new { r.DealId, Period = r.Period.ToString(), r.Outcome, r.Message }, ServerJson.Options);
        }).AddEndpointFilter<RequireApiKey>().Accepts<CloseRequest>("application/json")
            .WithName("TrusteeClose").WithSummary("Close a remitted period: distribute it through the deal's waterfall and record it")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        g.MapPost("/deals/{dealId}/periods/{period}/reopen", async (string dealId, string period, HttpRequest http, Ledger l, ServerOptions o) =>
        {
            Known(l, dealId);
            var req = await Bodies.ReadJson<ReopenRequest>(http, o.MaxJsonBytes);
            if (string.IsNullOrWhiteSpace(req.Reason)) throw new RemicInputException("reason", 0, "", req.Reason, "a reason for the audit log");
            var message = PeriodReopener.Reopen(l.Db, dealId, Period.Parse(period, "period"), Actor(req.Actor), req.Reason);
            return Results.Json(new { DealId = dealId, Period = period, Message = message }, ServerJson.Options);
        }).AddEndpointFilter<RequireApiKey>().Accepts<ReopenRequest>("application/json")
            .WithName("TrusteeReopen").WithSummary("Reopen the latest closed period (its close is undone; the remittance stays; audited)")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        g.MapGet("/deals/{dealId}/periods/{period}/statement", (string dealId, string period, string? format, Ledger l) =>
        {
            Known(l, dealId);
            var per = Period.Parse(period, "period");
            var fmt = format ?? "json";
            if (fmt is not ("json" or "html" or "csv" or "txt" or "xlsx")) throw new RemicInputException("format", 0, "", fmt, "json, html, csv, txt or xlsx");
            var s = StatementBuilder.Build(l.Db, DealFile.FromLedger(l.Db, dealId), dealId, per);
            if (fmt == "xlsx") return AnalyticsEndpoints.Xlsx(StatementTables.All(s).Select(t => (t.Title, t.Tidy())), $"{AnalyticsEndpoints.FileStem(dealId)}-statement-{per}.xlsx");
            var text = StatementRender.Render(s, fmt, fmt == "html" ? Remic.Trustee.Periods.CloseTraces.Find(l.Db, dealId, per) : null);
            // As the CLI does: a statement handed out is one the ledger holds as issued (kept once per format and period).
            if (StatementArchive.Read(l.Db, dealId, per, fmt) is null) StatementArchive.Save(l.Db, dealId, per, fmt, text, "remic-server");
            return Results.Text(text, fmt switch { "json" => "application/json", "html" => "text/html; charset=utf-8", "csv" => "text/csv; charset=utf-8", _ => "text/plain; charset=utf-8" });
        }).WithName("TrusteeStatement").WithSummary("The statement to certificateholders of a closed period (json, html: the CLI's page, csv, txt, xlsx)")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        g.MapGet("/audit", (Ledger l, string? deal, string? period, string? action, string? actor, string? since, string? last) =>
        {
            var per = period is { } p ? Period.Parse(p, "period").ToString() : null;
            var from = since is { } x ? CliValues.Date(x, "since", default).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var n = CliValues.Whole(last, "last", 1, 100_000, "a number of entries from 1 to 100,000", 1000);
            using var c = l.Db.Connect();
            return Results.Json(AuditLog.Read(c, new AuditFilter(deal, per, action, actor, from, n)), ServerJson.Options);
        }).WithName("TrusteeAudit").WithSummary("The ledger's audit log, newest last (filters: deal, period, action, actor, since, last; default the last 1,000)")
            .Produces<List<AuditEntry>>().ProducesProblem(422);
    }

    private static string Actor(string? given) => given is { Length: > 0 } a ? "web:" + InputText.Name(a, "actor") : "remic-server";

    private static bool Known(Ledger l, string dealId) =>
        DealRegistry.Find(l.Db, dealId) is not null ? true : throw ProblemException.NotFound("deal on the ledger", dealId);
}
