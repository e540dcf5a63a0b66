using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Remic.Server.Tests;

[Collection("server")]
public sealed class TrusteeApiTests(ServerFixture server)
{
    private static MultipartFormDataContent Remittance(string csv, string name = "remittance-2004-11.csv")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return form;
    }

    /// <summary>The monthly cycle over HTTP: register, remit, close, statement (four formats), reopen, audit; each write refused without the key.</summary>
    [Fact]
    public async Task The_monthly_cycle_runs_over_http()
    {
        var id = "T26-" + Guid.NewGuid().ToString("N")[..6];
        var w = server.Client(key: true);
        var r = server.Client();
        await (await r.PostAsync("/api/trustee/deals", Http.Json(new { deal = "cwalt-2004-26t1", deal_id = id }))).Expect(401, Problems.ApiKeyMissing);
        var reg = await (await w.PostAsync("/api/trustee/deals", Http.Json(new { deal = "cwalt-2004-26t1", deal_id = id }))).Expect(201);
        Assert.Equal(id, (string?)reg["deal_id"]);
        Assert.Equal("2004-11", (string?)reg["first_period"]);
        Assert.DoesNotContain(server.Folder, reg.ToJsonString());

        var status = await (await r.GetAsync($"/api/trustee/deals/{id}")).Expect(200);
        Assert.Equal("remit 2004-11", (string?)status["next"]);

        // Closing before a remittance: the period's state does not allow it.
        await (await w.PostAsync($"/api/trustee/deals/{id}/periods/2004-11/close", Http.Json(new { }))).Expect(409, Problems.PeriodState);

        var csv = await (await r.GetAsync("/api/deals/cwalt-2004-26t1/remittance/2004-11?seed=5")).Content.ReadAsStringAsync();
        await (await r.PostAsync($"/api/trustee/deals/{id}/periods/2004-11/remittance", Remittance(csv))).Expect(401, Problems.ApiKeyMissing);
        await (await w.PostAsync($"/api/trustee/deals/{id}/periods/2004-11/remittance", Http.Json(new { }))).Expect(415, Problems.UnsupportedMediaType);
        var imported = await (await w.PostAsync($"/api/trustee/deals/{id}/periods/2004-11/remittance", Remittance(csv))).Expect(201);
        Assert.True((int)imported["rows"]! > 1000);

        await (await r.PostAsync($"/api/trustee/deals/{id}/periods/2004-11/close", Http.Json(new { }))).Expect(401, Problems.ApiKeyMissing);
        var closed = await (await w.PostAsync($"/api/trustee/deals/{id}/periods/2004-11/close", Http.Json(new { }))).Expect(200);
        Assert.Equal("closed", (string?)closed["outcome"]);

        var periods = (await (await r.GetAsync($"/api/trustee/deals/{id}/periods")).Expect(200)).AsArray();
        Assert.Equal("closed", (string?)periods.Single()!["state"]);

        var json = await (await r.GetAsync($"/api/trustee/deals/{id}/periods/2004-11/statement")).Expect(200);
        var recon = json["reconciliation"]!;
        Assert.Equal((decimal)recon["cash_in"]!, (decimal)recon["cash_out"]!); // cash in = cash out, to the cent
        var html = await r.GetAsync($"/api/trustee/deals/{id}/periods/2004-11/statement?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        // The same page `remic trustee statement --format html` writes from the same ledger.
        var (code, cliPage, err) = ServerFixture.Cli("trustee", "statement", id, "--period", "2004-11", "--format", "html", "--db", Path.Combine(server.Folder, "ledger.db"));
        Assert.True(code == 0, err);
        Assert.Equal(cliPage, page);
        Assert.StartsWith("# ", await (await r.GetAsync($"/api/trustee/deals/{id}/periods/2004-11/statement?format=csv")).Content.ReadAsStringAsync());
        var xlsx = await (await r.GetAsync($"/api/trustee/deals/{id}/periods/2004-11/statement?format=xlsx")).Content.ReadAsByteArrayAsync();
        Assert.Equal("PK", Encoding.ASCII.GetString(xlsx, 0, 2));
        await (await r.GetAsync($"/api/trustee/deals/{id}/periods/2004-11/statement?format=pdf")).Expect(422, Problems.InvalidInput);

        await (await w.PostAsync($"/api/trustee/deals/{id}/periods/2004-11/reopen", Http.Json(new { reason = "" }))).Expect(422, Problems.InvalidInput);
        await (await w.PostAsync($"/api/trustee/deals/{id}/periods/2004-11/reopen", Http.Json(new { reason = "servicer restated", actor = "ops" }))).Expect(200);
        var after = (await (await r.GetAsync($"/api/trustee/deals/{id}/periods")).Expect(200)).AsArray();
        Assert.NotEqual("closed", (string?)after.Single()!["state"]);

        var audit = (await (await r.GetAsync($"/api/trustee/audit?deal={id}")).Expect(200)).AsArray();
        var actions = audit.Select(a => (string)a!["action"]!).ToList();
        Assert.Equal(["init", "remit", "close"], actions.Take(3));
        Assert.Contains("statement", actions);
        Assert.Equal("reopen", actions[^1]);
        Assert.Equal("web:ops", (string?)audit[^1]!["actor"]);
    }

    [Fact]
    public async Task Trustee_reads_of_an_unknown_deal_are_404()
    {
        await (await server.Client().GetAsync("/api/trustee/deals/NOPE/periods")).Expect(404, Problems.NotFound);
        var form = Remittance("loan_id\n");
        await (await server.Client(key: true).PostAsync("/api/trustee/deals/NOPE/periods/2004-11/remittance", form)).Expect(404, Problems.NotFound);
        await (await server.Client(key: true).PostAsync("/api/trustee/deals", Http.Json(new { deal = "nope" }))).Expect(404, Problems.NotFound);
    }

    [Fact]
    public async Task A_bad_remittance_is_422_with_its_row()
    {
        var id = "T26B-" + Guid.NewGuid().ToString("N")[..6];
        await (await server.Client(key: true).PostAsync("/api/trustee/deals", Http.Json(new { deal = "cwalt-2004-26t1", deal_id = id }))).Expect(201);
        var p = await (await server.Client(key: true).PostAsync($"/api/trustee/deals/{id}/periods/2004-11/remittance", Remittance("loan_id,nonsense\nX,1\n"))).Expect(422, Problems.InvalidInput);
        Assert.NotEmpty(p["errors"]!.AsArray());
    }
}

[Collection("server")]
public sealed class ServerApiTests(ServerFixture server)
{
    [Fact]
    public async Task Cors_is_off_no_allow_origin_header_is_sent()
    {
        var req = new HttpRequestMessage(HttpMethod.Options, "/api/deals");
        req.Headers.Add("Origin", "http://evil.example");
        req.Headers.Add("Access-Control-Request-Method", "POST");
        var r = await server.Client().SendAsync(req);
        Assert.False(r.Headers.Contains("Access-Control-Allow-Origin"));
        var get = new HttpRequestMessage(HttpMethod.Get, "/api/deals");
        get.Headers.Add("Origin", "http://evil.example");
        Assert.False((await server.Client().SendAsync(get)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    /// <summary>docs/openapi.json is the document the server serves; REMIC_UPDATE_OPENAPI=1 rewrites it after an API change.</summary>
    [Fact]
    public async Task The_checked_in_openapi_document_matches_the_server()
    {
        var served = JsonNode.Parse(await server.Client().GetStringAsync("/openapi/v1.json"))!;
        var text = served.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
        var path = ServerFixture.RepoFile("docs/openapi.json");
        if (Environment.GetEnvironmentVariable("REMIC_UPDATE_OPENAPI") == "1") File.WriteAllText(path, text);
        Assert.True(File.Exists(path), "docs/openapi.json is missing: run the tests once with REMIC_UPDATE_OPENAPI=1");
        Assert.True(File.ReadAllText(path) == text, "docs/openapi.json has drifted from the served document: run the server tests with REMIC_UPDATE_OPENAPI=1 and commit it");
        var paths = served["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var p in new[] { "/api/deals", "/api/deals/{id}", "/api/deals/{id}/run", "/api/deals/{id}/price", "/api/deals/{id}/decrement", "/api/deals/{id}/cm",
                     "/api/trustee/deals", "/api/trustee/deals/{dealId}/periods/{period}/remittance", "/api/trustee/deals/{dealId}/periods/{period}/close",
                     "/api/trustee/deals/{dealId}/periods/{period}/reopen", "/api/trustee/deals/{dealId}/periods/{period}/statement", "/api/trustee/audit" })
            Assert.Contains(p, paths);
    }

    [Fact]
    public async Task The_api_reference_page_is_served_without_a_cdn()
    {
        var r = await server.Client().GetAsync("/api/reference");
        Assert.Equal(200, (int)r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html); // relative to the page; Scalar resolves it against the base path
        Assert.DoesNotContain("cdn.jsdelivr", html);
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var s in scripts)
        {
            Assert.DoesNotContain("://", s);
            var js = await server.Client().GetAsync(s.StartsWith('/') ? s : "/api/reference/" + s);
            Assert.Equal(200, (int)js.StatusCode);
        }
    }

    [Fact]
    public async Task The_web_app_and_its_chart_library_are_served_with_a_strict_policy()
    {
        var r = await server.Client().GetAsync("/app/");
        Assert.Equal(200, (int)r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", r.Headers.GetValues("Content-Security-Policy").Single());
        var js = await server.Client().GetAsync("/app/vendor/uplot/uPlot.iife.min.js");
        Assert.Equal(200, (int)js.StatusCode);
        Assert.Equal(404, (int)(await server.Client().GetAsync("/app/../Remic.Server.dll")).StatusCode);
        Assert.Equal(404, (int)(await server.Client().GetAsync("/app/nothing.js")).StatusCode);
    }
}
