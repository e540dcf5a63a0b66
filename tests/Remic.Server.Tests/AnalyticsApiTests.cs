using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Remic.Server.Tests;

[Collection("server")]
public sealed class AnalyticsApiTests(ServerFixture server)
{
    private static decimal Sum(JsonArray rows, string column, Func<JsonNode, bool>? where = null) =>
        rows.Where(r => where is null || where(r!)).Sum(r => (decimal)r![column]!);

    [Fact]
    public async Task A_run_with_losses_conserves_principal_month_by_month_totals()
    {
        var body = await (await server.Client().PostAsync("/api/deals/sample/run",
            Http.Json(new { prepay = "300 PSA", @default = "5 CDR", severity = 50, lag = 6 }))).Expect(200);
        var classes = body["classes"]!.AsArray();
        var collateral = body["collateral"]!.AsArray();
        Assert.NotEmpty(classes);
        var detail = await (await server.Client().GetAsync("/api/deals/sample")).Expect(200);
        var notional = detail["classes"]!.AsArray().Where(c => (bool)c!["notional"]!).Select(c => (string)c!["name"]!).ToHashSet();
        bool Real(JsonNode r) => !notional.Contains((string)r["class"]!);
        // Hand identity (domain notes): collateral principal + realised losses = class principal + class losses - accretion
        // (+ undercollateralisation, printed in the checks); each sum is over the cent rows the response carries.
        var collateralIn = Sum(collateral, "scheduled_principal") + Sum(collateral, "prepayments") + Sum(collateral, "liquidation_proceeds") + Sum(collateral, "realized_loss");
        var classesOut = Sum(classes, "principal", Real) + Sum(classes, "loss", Real) - Sum(classes, "accretion", Real);
        Assert.True(Sum(collateral, "realized_loss") > 1_000_000m, "5 CDR at 50% severity loses money");
        Assert.True(Math.Abs(collateralIn - classesOut) < 0.01m * classes.Count, $"collateral {collateralIn} vs classes {classesOut}");
        Assert.Contains(body["checks"]!.AsArray(), l => ((string)l!).StartsWith("checks passed every period"));
        Assert.Equal("5 CDR", (string?)body["scenario"]!["default"]);
    }

    [Fact]
    public async Task The_run_summary_matches_remic_run_for_the_same_scenario()
    {
        var body = await (await server.Client().PostAsync("/api/deals/cwalt-2004-j4/run", Http.Json(new { prepay = "200 PPC", monthly = false }))).Expect(200);
        var (code, text, err) = ServerFixture.Cli("run", ServerFixture.RepoFile("examples/cwalt-2004-j4/deal.yaml"), "--prepay", "200 PPC");
        Assert.True(code == 0, err);
        // Every summary row of the API is a line of the CLI's table (same cells, the CLI pads them).
        foreach (var row in body["summary"]!["rows"]!.AsArray())
        {
            var cells = row!.AsArray().Select(c => (string)c!).Where(c => c.Length > 0).ToArray();
            Assert.Contains(text.Split('\n'), l => cells.All(c => l.Contains(c)) && l.TrimStart().StartsWith(cells[0]));
        }
        Assert.Null(body["classes"]);
    }

    [Fact]
    public async Task Run_csv_is_remic_runs_classes_csv()
    {
        var r = await server.Client().PostAsync("/api/deals/cwalt-2004-26t1/run?format=csv", Http.Json(new { prepay = "100 PPC" }));
        Assert.Equal(200, (int)r.StatusCode);
        var csv = await r.Content.ReadAsStringAsync();
        var dir = Directory.CreateTempSubdirectory("remic-run-").FullName;
        try
        {
            var (code, _, err) = ServerFixture.Cli("run", ServerFixture.RepoFile("examples/cwalt-2004-26t1/deal.yaml"), "--out", dir);
            Assert.True(code == 0, err);
            Assert.Equal(File.ReadAllText(Path.Combine(dir, "classes.csv")), csv);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("{\"prepay\": \"fast\"}", "prepay")]
    [InlineData("{\"default\": \"5 XYZ\"}", "default")]
    [InlineData("{\"severity\": 140}", "severity")]
    [InlineData("{\"lag\": -1}", "lag")]
    [InlineData("{\"classes\": [\"1-A-99\"]}", "class")]
    [InlineData("{\"index\": [\"/etc/passwd\"]}", "index")]
    [InlineData("{\"index\": [\"LIBOR_1MO=abc\"]}", "index LIBOR_1MO")]
    public async Task Bad_scenario_values_are_422_naming_the_field(string json, string field)
    {
        var p = await (await server.Client().PostAsync("/api/deals/cwalt-2004-j4/run", Http.JsonText(json))).Expect(422, Problems.InvalidInput);
        Assert.Contains(p["errors"]!.AsArray(), e => (string?)e!["source"] == field);
    }

    [Fact]
    public async Task An_unknown_class_gets_the_closest_names()
    {
        var p = await (await server.Client().PostAsync("/api/deals/cwalt-2004-j4/price", Http.Json(new { @class = "1-A-9" }))).Expect(422, Problems.InvalidInput);
        Assert.Contains("1-A-1", (string?)p["errors"]![0]!["expected"]);
    }

    [Fact]
    public async Task Misspelt_or_mistyped_json_is_400()
    {
        await (await server.Client().PostAsync("/api/deals/cwalt-2004-j4/run", Http.JsonText("{\"prepayy\": \"100 PPC\"}"))).Expect(400, Problems.MalformedRequest);
        await (await server.Client().PostAsync("/api/deals/cwalt-2004-j4/run", Http.JsonText("{\"call\": \"maybe\"}"))).Expect(400, Problems.MalformedRequest);
        await (await server.Client().PostAsync("/api/deals/cwalt-2004-j4/run", Http.JsonText("{not json"))).Expect(400, Problems.MalformedRequest);
    }

    [Fact]
    public async Task A_million_scenarios_are_refused_before_any_run()
    {
        var million = "{\"scenarios\": [" + string.Join(",", Enumerable.Repeat("{}", 1_000_000)) + "]}";
        await (await server.Client().PostAsync("/api/deals/cwalt-2004-j4/run", Http.JsonText(million))).Expect(413, Problems.PayloadTooLarge);
        var thousand = "{\"scenarios\": [" + string.Join(",", Enumerable.Repeat("{}", 1000)) + "]}";
        var p = await (await server.Client().PostAsync("/api/deals/cwalt-2004-j4/run", Http.JsonText(thousand))).Expect(422, Problems.InputLimit);
        Assert.Contains("1,000", (string?)p["detail"]);
        var prices = string.Join(",", Enumerable.Range(0, 500).Select(i => (90 + i * 0.01).ToString("0.00", CultureInfo.InvariantCulture)));
        await (await server.Client().PostAsync("/api/deals/cwalt-2004-j4/price", Http.Json(new { @class = "1-A-1", prices }))).Expect(422, Problems.InputLimit);
    }

    [Fact]
    public async Task Several_scenarios_run_in_one_request()
    {
        var body = await (await server.Client().PostAsync("/api/deals/cwalt-2004-26t1/run",
            Http.Json(new { scenarios = new object[] { new { prepay = "0 PPC" }, new { prepay = "300 PPC" } } }))).Expect(200);
        var results = body["results"]!.AsArray();
        Assert.Equal(2, results.Count);
        double Wal(int k) => double.Parse((string)results[k]!["summary"]!["rows"]![0]![9]!, CultureInfo.InvariantCulture);
        Assert.True(Wal(0) > Wal(1), "faster prepayments shorten the WAL");
    }

    [Fact]
    public async Task Price_is_remic_price_json_for_the_same_input()
    {
        var api = await (await server.Client().PostAsync("/api/deals/cwalt-2004-j4/price",
            Http.Json(new { @class = "1-A-1", speeds = "100,200 PPC", pricing_speed = "200 PPC", prices = "99-16, 100-00" }))).Content.ReadAsStringAsync();
        var (code, cli, err) = ServerFixture.Cli("price", ServerFixture.RepoFile("examples/cwalt-2004-j4/deal.yaml"), "--class", "1-A-1",
            "--speeds", "100,200 PPC", "--pricing-speed", "200 PPC", "--prices", "99-16, 100-00", "--format", "json");
        Assert.True(code == 0, err);
        Assert.Equal(cli, api);
        var wal = JsonNode.Parse(api)!["speeds"]!.AsArray().First(s => (string?)s!["speed"] == "200 PPC")!["wal_years"];
        Assert.True((double)wal! is > 0.5 and < 5);
    }

    [Fact]
    public async Task Price_csv_and_xlsx_download()
    {
        var csv = await server.Client().PostAsync("/api/deals/cwalt-2004-26t1/price?format=csv", Http.Json(new { @class = "A1" }));
        Assert.Equal(200, (int)csv.StatusCode);
        Assert.Contains("yield", (await csv.Content.ReadAsStringAsync()).Split('\n')[0]);
        var xlsx = await server.Client().PostAsync("/api/deals/cwalt-2004-26t1/price?format=xlsx", Http.Json(new { @class = "A1" }));
        Assert.Equal(200, (int)xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // a zip (xlsx) archive
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task Decrement_wal_agrees_with_the_price_exhibit()
    {
        var dec = await (await server.Client().PostAsync("/api/deals/cwalt-2004-j4/decrement", Http.Json(new { classes = new[] { "1-A-1" }, speeds = "0,100,300 PPC" }))).Expect(200);
        var t = dec["tables"]![0]!;
        Assert.Equal("1-A-1", (string?)t["class"]);
        Assert.Equal(3, t["speeds"]!.AsArray().Count);
        var first = t["table"]!["rows"]![0]!.AsArray().Select(c => (string)c!).ToArray();
        Assert.Equal(["Initial Percentage", "100", "100", "100"], first);
        var price = await (await server.Client().PostAsync("/api/deals/cwalt-2004-j4/price", Http.Json(new { @class = "1-A-1", speeds = "100 PPC", no_call = true }))).Expect(200);
        var walPrice = (double)price["speeds"]![0]!["wal_years"]!;
        Assert.Equal(walPrice, (double)t["wal_years"]![1]!, 5);
        var w = t["wal_years"]!.AsArray().Select(x => (double)x!).ToArray();
        Assert.True(w[0] > w[1] && w[1] > w[2]);
    }

    [Fact]
    public async Task The_cm_book_is_a_zip_with_its_index_and_workbook()
    {
        var r = await server.Client().PostAsync("/api/deals/cwalt-2004-26t1/cm", Http.Json(new { speeds = "0,100,300 PPC" }));
        Assert.Equal(200, (int)r.StatusCode);
        Assert.Equal("application/zip", r.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await r.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("index.html", names);
        Assert.Contains("book.xlsx", names);
        Assert.Contains(names, n => n.EndsWith(".png"));
    }

    [Fact]
    public async Task Metrics_count_runs_and_request_latency()
    {
        await (await server.Client().PostAsync("/api/deals/cwalt-2004-26t1/run", Http.Json(new { monthly = false }))).Expect(200);
        var m = await (await server.Client().GetAsync("/metrics")).Expect(200);
        Assert.True((long)m["runs"]! >= 1);
        var route = m["requests"]!.AsArray().First(x => (string?)x!["route"] == "POST /api/deals/{id}/run")!;
        Assert.True((long)route["count"]! >= 1);
        Assert.True((double)route["p99_ms"]! >= (double)route["p50_ms"]!);
    }
}
