using System.Text.Json.Nodes;

namespace Remic.Server.Tests;

[Collection("server")]
public sealed class DealApiTests(ServerFixture server)
{
    private static readonly string SampleYaml = File.ReadAllText(ServerFixture.RepoFile("examples/sample/deal.yaml"));

    [Fact]
    public async Task Health_answers_ok_with_the_deal_count_and_ledger()
    {
        var body = await (await server.Client().GetAsync("/healthz")).Expect(200);
        Assert.Equal("ok", (string?)body["status"]);
        Assert.True((int)body["deals"]! >= 7);
    }

    [Fact]
    public async Task The_example_deals_are_registered_at_start()
    {
        var list = (await (await server.Client().GetAsync("/api/deals")).Expect(200)).AsArray();
        var ids = list.Select(d => (string?)d!["id"]).ToList();
        foreach (var id in new[] { "cwalt-2004-j4", "cwalt-2004-j2", "cwalt-2004-12cb", "cwalt-2004-26t1", "cwalt-2007-12t1", "sample", "sample-structures" })
            Assert.Contains(id, ids);
        var j4 = list.First(d => (string?)d!["id"] == "cwalt-2004-j4")!;
        Assert.True((bool)j4["example"]!);
        Assert.Equal("CWALT, Inc. Alternative Loan Trust 2004-J4", (string?)j4["trust_name"]);
        // The loan count the CM headline prints (README): 3,082 loans in 4 rep lines.
        Assert.Equal("3,082 loans in 4 rep lines", (string?)j4["collateral"]);
    }

    [Fact]
    public async Task A_deal_shows_its_classes_collateral_and_priority_of_payments()
    {
        var d = await (await server.Client().GetAsync("/api/deals/cwalt-2004-j4")).Expect(200);
        var classes = d["classes"]!.AsArray();
        Assert.Equal(15, classes.Count);
        Assert.Contains(classes, c => (string?)c!["name"] == "1-A-1" && (decimal)c["original_balance"]! == 119_351_000m);
        var groups = d["collateral_groups"]!.AsArray();
        Assert.Equal(3082, groups.Sum(g => (long)g!["loans"]!));
        var steps = d["waterfall"]!.AsArray();
        Assert.NotEmpty(steps);
        // Every class a step pays is a class of the deal; every paying class appears in some step.
        var names = classes.Select(c => (string)c!["name"]!).ToHashSet();
        var paid = steps.SelectMany(s => s!["classes"]!.AsArray().Select(c => (string)c!)).ToHashSet();
        Assert.Subset(names, paid);
        Assert.Contains("1-A-1", paid);
    }

    [Fact]
    public async Task The_stored_yaml_is_the_example_file()
    {
        var r = await server.Client().GetAsync("/api/deals/sample/yaml");
        Assert.Equal(200, (int)r.StatusCode);
        Assert.Equal(SampleYaml, await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_deal_is_404_not_found()
    {
        var p = await (await server.Client().GetAsync("/api/deals/no-such-deal")).Expect(404, Problems.NotFound);
        Assert.Contains("no-such-deal", (string?)p["detail"]);
        await (await server.Client().PostAsync("/api/deals/no-such-deal/run", Http.Json(new { }))).Expect(404, Problems.NotFound);
    }

    [Fact]
    public async Task Upload_needs_the_api_key()
    {
        await (await server.Client().PostAsync("/api/deals", Http.Yaml(SampleYaml))).Expect(401, Problems.ApiKeyMissing);
        var wrong = server.Client();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");
        await (await wrong.PostAsync("/api/deals", Http.Yaml(SampleYaml))).Expect(403, Problems.ApiKeyWrong);
        var bearer = server.Client();
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-the-key");
        await (await bearer.PostAsync("/api/deals", Http.Yaml(SampleYaml))).Expect(403, Problems.ApiKeyWrong);
        // The key is never written to the log, whatever was sent.
        lock (server.Logs) Assert.DoesNotContain(server.Logs, l => l.Contains(ServerFixture.Key) || l.Contains("not-the-key"));
    }

    [Fact]
    public async Task An_uploaded_deal_is_kept_listed_and_runs()
    {
        var text = SampleYaml.Replace("trust_name: ", "trust_name: Uploaded ");
        var created = await (await server.Client(key: true).PostAsync("/api/deals", Http.Yaml(text))).Expect(201);
        var id = (string)created["id"]!;
        Assert.False((bool)created["example"]!);
        Assert.Matches("^[a-z0-9-]+-[0-9a-f]{8}$", id);
        await (await server.Client(key: true).PostAsync("/api/deals", Http.Yaml(text))).Expect(200); // the same file again: the same deal
        var list = (await (await server.Client().GetAsync("/api/deals")).Expect(200)).AsArray();
        Assert.Contains(list, d => (string?)d!["id"] == id);
        var run = await (await server.Client().PostAsync($"/api/deals/{id}/run", Http.Json(new { prepay = "100 PPC", monthly = false }))).Expect(200);
        Assert.NotEmpty(run["summary"]!["rows"]!.AsArray());
        Assert.True(File.Exists(Path.Combine(server.Folder, "store", id, "deal.yaml")));
    }

    [Fact]
    public async Task Malformed_yaml_is_422_with_its_line_and_column()
    {
        var p = await (await server.Client().PostAsync("/api/deals/validate", Http.Yaml("deal: {trust_name: [unclosed\n"))).Expect(422, Problems.InvalidInput);
        var e = p["errors"]![0]!;
        Assert.Equal("deal.yaml", (string?)e["source"]);
        Assert.True((int)e["line"]! >= 1);
        Assert.True((int)e["column"]! >= 1);
        await (await server.Client(key: true).PostAsync("/api/deals", Http.Yaml("deal: {trust_name: [unclosed\n"))).Expect(422, Problems.InvalidInput);
    }

    [Fact]
    public async Task A_yaml_alias_bomb_is_refused_at_its_line()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
        var p = await (await server.Client(key: true).PostAsync("/api/deals", Http.Yaml(bomb))).Expect(422, Problems.InvalidInput);
        var e = p["errors"]![0]!;
        Assert.Equal(1, (int)e["line"]!);
        Assert.Contains("anchor", (string?)e["expected"]);
    }

    [Fact]
    public async Task A_field_error_names_the_line_field_and_what_was_expected()
    {
        var bad = SampleYaml.Replace("cutoff_date: 2004-03-01", "cutoff_date: someday");
        Assert.NotEqual(SampleYaml, bad);
        var line = bad.Split('\n').ToList().FindIndex(l => l.Contains("cutoff_date: someday")) + 1;
        var p = await (await server.Client().PostAsync("/api/deals/validate", Http.Yaml(bad))).Expect(422, Problems.InvalidInput);
        var e = p["errors"]!.AsArray().First(x => ((string?)x!["field"])!.Contains("cutoff_date"))!;
        Assert.Equal(line, (int)e["line"]!);
        Assert.Contains("someday", (string?)e["value"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)e["expected"]));
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../cwalt-2004-j4/strats-tape.csv")]
    [InlineData("../../../../../../etc/hostname")]
    public async Task A_tape_outside_the_store_is_refused(string path)
    {
        var yaml = File.ReadAllText(ServerFixture.RepoFile("examples/cwalt-2004-j4/deal.yaml")).Replace("strats_tape: strats-tape.csv", $"strats_tape: {path}");
        var p = await (await server.Client(key: true).PostAsync("/api/deals", Http.Yaml(yaml))).Expect(422, Problems.InvalidInput);
        var e = p["errors"]![0]!;
        Assert.Equal("strats_tape", (string?)e["field"]);
        Assert.Contains("inside the deal file's folder", (string?)e["expected"]);
        Assert.DoesNotContain(server.Folder, p.ToJsonString()); // no server path in the answer
    }

    [Fact]
    public async Task A_group_tape_outside_the_store_is_refused()
    {
        var yaml = SampleYaml;
        var at = yaml.IndexOf("rep_lines:", StringComparison.Ordinal);
        Assert.True(at > 0);
        var lineStart = yaml.LastIndexOf('\n', at) + 1;
        var indent = new string(' ', at - lineStart);
        yaml = yaml[..lineStart] + indent + "tape: /etc/passwd\n" + yaml[lineStart..];
        var p = await (await server.Client().PostAsync("/api/deals/validate", Http.Yaml(yaml))).Expect(422, Problems.InvalidInput);
        Assert.Contains(p["errors"]!.AsArray(), e => ((string?)e!["expected"])!.Contains("absolute paths elsewhere are not read") || ((string?)e["expected"])!.Contains("tape"));
    }

    [Fact]
    public async Task An_oversize_body_is_413()
    {
        var big = new string('#', 5 * 1024 * 1024);
        await (await server.Client(key: true).PostAsync("/api/deals", Http.Yaml(big))).Expect(413, Problems.PayloadTooLarge);
        await (await server.Client().PostAsync("/api/deals/validate", Http.Yaml(big))).Expect(413, Problems.PayloadTooLarge);
    }

    [Fact]
    public async Task Validation_of_a_good_file_says_valid()
    {
        var v = await (await server.Client().PostAsync("/api/deals/validate", Http.Yaml(SampleYaml))).Expect(200);
        Assert.True((bool)v["valid"]!);
    }

    [Fact]
    public async Task A_synthetic_remittance_is_a_csv_for_the_period()
    {
        var r = await server.Client().GetAsync("/api/deals/cwalt-2004-26t1/remittance/2004-11?seed=3");
        Assert.Equal(200, (int)r.StatusCode);
        var csv = await r.Content.ReadAsStringAsync();
        Assert.StartsWith("loan_id", csv);
        Assert.Equal(csv, await (await server.Client().GetAsync("/api/deals/cwalt-2004-26t1/remittance/2004-11?seed=3")).Content.ReadAsStringAsync());
        await (await server.Client().GetAsync("/api/deals/cwalt-2004-26t1/remittance/1999-01")).Expect(422, Problems.InvalidInput);
    }
}
