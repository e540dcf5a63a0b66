using System.Globalization;
using System.Text.Json;

namespace Remic.Cli.Tests;

/// <summary>
/// Regulation AB Item 1121(a) (17 CFR 229.1121): for a closed period of every example deal (the second month of a simulation with
/// defaults liquidated after one month, delinquencies and LIBOR above the corridor strikes), the statement answers each of the
/// nineteen paragraphs — a figure, a list or an explicit "none" — and each answer is checked against figures derived here from
/// the remittance files and the deal file, not from the statement's other tables.
/// </summary>
public class Item1121StatementTests
{
    public static IEnumerable<object[]> ExampleDeals() => TrusteeExampleCycleTests.ExampleDeals();

    private static readonly CultureInfo F = CultureInfo.InvariantCulture;
    private static string M(decimal x) => x.ToString("#,##0.00", F);

    [Theory]
    [MemberData(nameof(ExampleDeals))]
    public void Every_item_is_answered_for_a_closed_period(string example)
    {
        using var tmp = new Cli.TempDir();
        var deal = Path.Combine(CwaltExampleDeals.RepoRoot(), "examples", example);
        var db = tmp.File("ledger.db");
        var init = Cli.Run("trustee", "init", deal, "--db", db);
        Assert.True(init.Code == 0, init.Err);
        var id = init.Out.Trim();
        Assert.Equal(0, Cli.Run("trustee", "simulate", deal, "--months", "2", "--prepay", "150 PPC", "--default", "8 CDR", "--severity", "40",
            "--lag", "1", "--delinquency", "5", "--seed", "3", "--out", tmp.File("sim")).Code);
        var files = Directory.GetFiles(tmp.File("sim"), "remittance-*.csv").Order(StringComparer.Ordinal).ToArray();
        string period = "";
        foreach (var (file, libor) in files.Zip(new[] { "1.10", "7.00" }))
        {
            period = Path.GetFileNameWithoutExtension(file)["remittance-".Length..];
            Assert.Equal(0, Cli.Run("trustee", "remit", id, "--period", period, "--file", file, "--db", db).Code);
            var close = Cli.Run("trustee", "close", id, "--period", period, "--libor", libor, "--db", db);
            Assert.True(close.Code == 0, close.Err);
        }
        var json = Cli.Run("trustee", "statement", id, "--period", period, "--format", "json", "--db", db);
        Assert.True(json.Code == 0, json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        var s = doc.RootElement;
        var items = s.GetProperty("item1121").EnumerateArray()
            .ToDictionary(x => x.GetProperty("paragraph").GetString()!, x => x.GetProperty("value").GetString()!);
        Assert.Equal(Enumerable.Range(1, 19).Select(i => $"1121(a)({i})"), items.Keys);
        foreach (var (p, v) in items) Assert.False(string.IsNullOrWhiteSpace(v), $"{example} {p} is empty");

        var csv = File.ReadAllText(files[^1]);
        var (cash, loss, interestAdvanced, liquidation) = ByHand(csv);
        var dealText = File.ReadAllText(deal);
        var classes = s.GetProperty("classes").EnumerateArray().ToList();
        var corridor = s.GetProperty("corridor_payments").EnumerateArray().Sum(c => c.GetProperty("amount").GetDecimal());

        // (1) Record date: the last weekday of the month before the distribution; distribution date: the deal's day of the month.
        var date = DateOnly.Parse(s.GetProperty("distribution_date").GetString()!, F);
        var record = new DateOnly(date.Year, date.Month, 1).AddDays(-1);
        while (record.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) record = record.AddDays(-1);
        Assert.Contains($"record date {record:yyyy-MM-dd}", items["1121(a)(1)"]);
        Assert.Contains($"distribution date {date:yyyy-MM-dd}", items["1121(a)(1)"]);
        // (2) Every source, and the total the servicer remitted (from the CSV) plus the corridor's receipts.
        Assert.Contains($"total remitted to the trustee {M(cash + corridor)}", items["1121(a)(2)"]);
        Assert.Contains($"liquidation proceeds {M(liquidation)}", items["1121(a)(2)"]);
        foreach (var source in new[] { "interest collected", "scheduled principal", "prepayments in full", "partial prepayments", "subsequent recoveries",
                     "principal advances", "interest advances", "compensating interest", "corridor receipts" })
            Assert.Contains(source, items["1121(a)(2)"]);
        // (3) The servicing fee goes to the master servicer the deal file names, the trustee fee to its trustee.
        if (dealText.Contains("master_servicer: Countrywide Home Loans Servicing LP"))
            Assert.Contains("to Countrywide Home Loans Servicing LP", items["1121(a)(3)"]);
        // (5) Payments to holders = the classes' principal and interest.
        Assert.Contains($"principal {M(classes.Sum(k => k.GetProperty("principal").GetDecimal()))}; interest {M(classes.Sum(k => k.GetProperty("interest").GetDecimal()))}",
            items["1121(a)(5)"]);
        foreach (var k in classes.Select(k => k.GetProperty("name").GetString()!))
        {
            Assert.Contains($"{k}: interest ", items["1121(a)(6)"]);
            Assert.Contains($"{k} ", items["1121(a)(8)"]);
            Assert.Contains($"{k} ", items["1121(a)(9)"]);
        }
        var groups = s.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()!).ToList();
        foreach (var g in groups)
        {
            Assert.Contains($"group {g} WAC ", items["1121(a)(9)"]);
            Assert.Contains($"group {g}: loans ", items["1121(a)(12)"]);
            Assert.Contains($"group {g}: 30 ", items["1121(a)(13)"]);
        }
        // (13) This month's realized losses, summed over the groups, are the CSV's.
        var groupLosses = s.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("realized_losses").GetDecimal());
        Assert.Equal(loss, groupLosses);
        foreach (var g in s.GetProperty("groups").EnumerateArray())
            Assert.Contains($"realized losses {M(g.GetProperty("realized_losses").GetDecimal())}", items["1121(a)(13)"]);
        // (14) Advances made this month.
        Assert.Contains(interestAdvanced == 0 ? "none made" : $"interest advanced {M(interestAdvanced)}", items["1121(a)(14)"]);
        // (15) The simulator modifies no loan; (16), (18), (19) are none.
        Assert.Equal("none", items["1121(a)(15)"]);
        Assert.Equal("none reported to the trustee", items["1121(a)(16)"]);
        Assert.StartsWith("none", items["1121(a)(18)"]);
        Assert.Equal("none", items["1121(a)(19)"]);
        // (17) A deal with shifting interest reports its step-down tests with a value and a threshold, and each group's percentages.
        if (dealText.Contains("shifting_interest:"))
        {
            Assert.Matches(@"step-down delinquency test: \d+\.\d{4}%, threshold \d+\.\d{4}%, (pass|fail)", items["1121(a)(17)"]);
            Assert.Matches(@"step-down loss test: \d+\.\d{4}%, threshold \d+\.\d{4}%, (pass|fail)", items["1121(a)(17)"]);
            foreach (var g in groups) Assert.Contains($"group {g}: Senior Percentage ", items["1121(a)(17)"]);
        }
        // (4) Corridor receipts are named when the deal has a corridor contract and LIBOR (7%) is above its strike.
        if (corridor > 0) Assert.Contains($"corridor contract receipts: ", items["1121(a)(4)"]);
        else Assert.StartsWith("none", items["1121(a)(4)"]);
        // (10) The distribution account takes in what the servicer remitted and the corridor paid.
        Assert.Contains($"deposits {M(cash + corridor)}", items["1121(a)(10)"]);
        // The text statement carries the same report.
        var txt = Cli.Run("trustee", "statement", id, "--period", period, "--db", db).Out;
        Assert.Contains("Regulation AB Item 1121(a)\n", txt);
        Assert.Contains("1121(a)(19)  changes in underwriting or pool selection criteria\n    none\n", txt);
    }

    private static (decimal Cash, decimal Loss, decimal InterestAdvanced, decimal Liquidation) ByHand(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var h = lines[0].Split(',').Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        decimal cash = 0, loss = 0, adv = 0, liq = 0;
        foreach (var f in lines.Skip(1).Select(l => l.Split(',')))
        {
            decimal V(string c) => decimal.Parse(f[h[c]], F);
            cash += V("scheduled_principal") + V("curtailment") + V("payoff") + V("liquidation_proceeds") + V("interest_collected") + V("interest_advance") - V("servicing_fee");
            loss += V("realized_loss");
            adv += V("interest_advance");
            liq += V("liquidation_proceeds");
        }
        return (cash, loss, adv, liq);
    }
}
