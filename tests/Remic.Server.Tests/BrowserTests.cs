using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Remic.Server.Tests;

/// <summary>
/// The web app in real Chromium (Microsoft.Playwright driving Debian's chromium by its path; no browser download) against
/// a live `remic serve`. Screenshots of each page go to the test output's screenshots/ folder. .ci/run installs chromium.
/// </summary>
[Collection("live")]
public sealed class BrowserTests(LiveServe live) : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (.ci/run does)");
        Directory.CreateDirectory(Shots);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
    }

    private async Task<IPage> Open(string hash)
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync($"{live.Url}/app/{hash}");
        return page;
    }

    private static Task Shot(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = true });

    [Fact]
    public async Task The_library_shows_every_example_and_a_deal_with_its_diagram_names_escaped()
    {
        // A deal whose names are markup: shown as text, never run.
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", LiveServe.Key);
        var yaml = File.ReadAllText(ServerFixture.RepoFile("examples/sample/deal.yaml"))
            .Replace("trust_name: ", "trust_name: <img src=x onerror=\"window.pwned=1\"> ");
        var up = JsonNode.Parse(await (await http.PostAsync($"{live.Url}/api/deals", Http.Yaml(yaml))).Content.ReadAsStringAsync())!;
        var id = (string)up["id"]!;

        var page = await Open("#/library");
        await page.WaitForSelectorAsync("[data-testid=deals] tbody tr");
        var rows = await page.Locator("[data-testid=deals] tbody tr").CountAsync();
        Assert.True(rows >= 8, $"{rows} deals listed");
        Assert.Contains("<img src=x", await page.Locator("[data-testid=deals]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-testid=deals] img").CountAsync());
        Assert.Equal(0, await page.Locator("img").CountAsync()); // no <img> was made from the name, so its onerror never ran
        await Shot(page, "library");

        await page.GotoAsync($"{live.Url}/app/#/deal/cwalt-2004-j4");
        await page.WaitForSelectorAsync("[data-testid=waterfall] rect.step");
        Assert.Equal(15, await page.Locator("[data-testid=structure] tbody tr").CountAsync());
        Assert.True(await page.Locator("[data-testid=waterfall] rect.step").CountAsync() >= 5);
        Assert.Equal(15, await page.Locator("[data-testid=waterfall] rect.cls").CountAsync());
        await Shot(page, "deal-cwalt-2004-j4");

        await page.GotoAsync($"{live.Url}/app/#/deal/{id}");
        await page.WaitForSelectorAsync("[data-testid=deal-title]");
        Assert.StartsWith("<img src=x", await page.Locator("[data-testid=deal-title]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("img").CountAsync()); // no <img> was made from the name, so its onerror never ran
    }

    [Fact]
    public async Task The_workbench_runs_j4_at_200_ppc_and_shows_remic_prices_wal()
    {
        var (code, text, err) = ServerFixture.Cli("price", ServerFixture.RepoFile("examples/cwalt-2004-j4/deal.yaml"), "--class", "1-A-1",
            "--speeds", "200 PPC", "--pricing-speed", "200 PPC", "--format", "json");
        Assert.True(code == 0, err);
        var wal = ((double)JsonNode.Parse(text)!["speeds"]![0]!["wal_years"]!).ToString("0.00", CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        var page = await Open("#/workbench/cwalt-2004-j4");
        await page.WaitForSelectorAsync("[data-testid=wb-chart] canvas");
        var firstPaint = clock.Elapsed.TotalMilliseconds;
        var done = await page.Locator("[data-testid=wb-status]").GetAttributeAsync("data-done");
        clock.Restart();
        await page.Locator("[data-testid=wb-prepay]").FillAsync("200 PPC");
        // (The page's policy forbids eval, so no WaitForFunction: selectors only.)
        await page.WaitForSelectorAsync($"[data-testid=wb-status][data-done]:not([data-done='{done}'])");
        var updated = clock.Elapsed.TotalMilliseconds;
        await page.WaitForSelectorAsync("[data-testid=wb-price-wal]");
        await page.Locator("[data-testid=wb-price] th", new PageLocatorOptions { HasText = "200 PPC" }).WaitForAsync();

        // The WAL/window table's 1-A-1 row and the price panel both show remic price's WAL for 200 PPC.
        var row = page.Locator("[data-testid=wb-wal] tbody tr", new PageLocatorOptions { HasText = "1-A-1" }).First;
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal("1-A-1", cells[0]);
        Assert.Equal(wal, cells[9]);
        Assert.Equal(wal, await page.Locator("[data-testid=wb-price-wal]").InnerTextAsync());
        Assert.True(await page.Locator("[data-testid=wb-decrement] tbody tr").CountAsync() > 3);
        await Shot(page, "workbench-j4-200ppc");
        File.WriteAllText(Path.Combine(Shots, "workbench-timings.txt"),
            string.Create(CultureInfo.InvariantCulture, $"first paint of the chart {firstPaint:0} ms; updated chart after a speed change {updated:0} ms\n"));
    }

    [Fact]
    public async Task The_editor_shows_an_error_at_its_line()
    {
        var page = await Open("#/editor/sample");
        await page.WaitForSelectorAsync("[data-testid=ed-status] .ok");
        var text = await page.Locator("[data-testid=ed-text]").InputValueAsync();
        var bad = text.Replace("cutoff_date: 2004-03-01", "cutoff_date: someday");
        var line = bad.Split('\n').ToList().FindIndex(l => l.Contains("someday")) + 1;
        Assert.True(line > 0);
        await page.Locator("[data-testid=ed-text]").FillAsync(bad);
        await page.WaitForSelectorAsync($"[data-testid=ed-gutter] div.err[data-line='{line}']");
        Assert.Contains($"line {line}", await page.Locator("[data-testid=ed-errors]").InnerTextAsync());
        await Shot(page, "editor-error");
        await page.Locator("[data-testid=ed-text]").FillAsync(text);
        await page.WaitForSelectorAsync("[data-testid=ed-status] .ok");
        Assert.Equal(0, await page.Locator("[data-testid=ed-gutter] div.err").CountAsync());
    }

    [Fact]
    public async Task The_trustee_console_registers_remits_and_closes_a_period()
    {
        var page = await Open("#/trustee");
        await page.Locator("#api-key").FillAsync(LiveServe.Key);
        await page.Locator("#api-key").DispatchEventAsync("change");
        await page.WaitForSelectorAsync("[data-testid=tr-register]");
        await page.Locator("[data-testid=tr-store-deal]").SelectOptionAsync("cwalt-2004-26t1");
        var id = "WEB-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await page.Locator("[data-testid=tr-new-id]").FillAsync(id);
        await page.Locator("[data-testid=tr-register]").ClickAsync();
        // The page is drawn again for the new deal (other tests' deals may be on the same ledger).
        await page.WaitForSelectorAsync($"h2 >> text=Periods of {id}");
        Assert.Equal("2004-11", await page.Locator("[data-testid=tr-period]").InputValueAsync());
        await page.Locator("[data-testid=tr-sim-deal]").SelectOptionAsync("cwalt-2004-26t1");
        await page.Locator("[data-testid=tr-simulate]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=tr-message] >> text=imported");
        await page.Locator("[data-testid=tr-close]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=tr-periods] td >> text=closed");
        await page.Locator("[data-testid=tr-view]").ClickAsync();
        var frame = page.FrameLocator("[data-testid=tr-statement] iframe");
        await frame.Locator("table").First.WaitForAsync();
        Assert.Contains("statement", await frame.Locator("body").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("close", await page.Locator("[data-testid=tr-audit]").InnerTextAsync());
        await Shot(page, "trustee-closed");
    }
}
