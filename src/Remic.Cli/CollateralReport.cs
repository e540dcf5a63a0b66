using System.Globalization;
using System.Text;
using System.Text.Json;
using Remic.Collateral;
using Remic.Core;
using Spectre.Console;

namespace Remic.Cli;

public enum ReportFormat { Table, Csv, Json }

/// <summary>Renders a collateral projection as an aligned table, CSV or JSON. Amounts are rounded to the cent at this last step only.</summary>
internal static class CollateralReport
{
    public static ReportFormat ParseFormat(string text) => text.Trim().ToLowerInvariant() switch
    {
        "table" => ReportFormat.Table,
        "csv" => ReportFormat.Csv,
        "json" => ReportFormat.Json,
        _ => throw new RemicInputException("--format", 0, "", text, "table, csv or json"),
    };

    public static string Render(ReportFormat format, CollateralProjection p, IReadOnlyList<Loan> loans) => format switch
    {
        ReportFormat.Csv => Csv(p),
        ReportFormat.Json => Json(p, loans),
        _ => Table(p, loans),
    };

    private static readonly (string Name, Func<GroupCashFlows, int, double> Value)[] Columns =
    [
        ("begin_balance", (g, m) => g.BeginBalance[m]),
        ("scheduled_principal", (g, m) => g.ScheduledPrincipal[m]),
        ("prepayment", (g, m) => g.Prepayment[m]),
        ("defaults", (g, m) => g.Defaults[m]),
        ("liquidation_proceeds", (g, m) => g.LiquidationProceeds[m]),
        ("advances_recovered", (g, m) => g.AdvancesRecovered[m]),
        ("realized_loss", (g, m) => g.RealizedLoss[m]),
        ("gross_interest", (g, m) => g.GrossInterest[m]),
        ("servicing_fee", (g, m) => g.ServicingFee[m]),
        ("other_fees", (g, m) => g.OtherFees[m]),
        ("advances", (g, m) => g.Advances[m]),
        ("principal_advances", (g, m) => g.PrincipalAdvances[m]),
        ("net_interest", (g, m) => g.NetInterest[m]),
        ("end_balance", (g, m) => g.EndBalance[m]),
    ];

    private static string Cents(double x) => Money.ToCents(x).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Months worth printing: up to the last one with any balance or cash.</summary>
    private static int LastActiveMonth(GroupCashFlows g)
    {
        for (var m = g.Months; m >= 1; m--)
            if (Math.Abs(g.BeginBalance[m]) > 0.005 || Math.Abs(g.NetInterest[m]) > 0.005) return m;
        return 0;
    }

    private static string Csv(CollateralProjection p)
    {
        var sb = new StringBuilder();
        sb.Append("group,month,").Append(string.Join(",", Columns.Select(c => c.Name))).Append(",loan_count\n");
        foreach (var g in CollateralSummary.InGroupOrder(p))
            for (var m = 1; m <= LastActiveMonth(g); m++)
            {
                sb.Append(CsvCell.Format(g.Group)).Append(',').Append(m);
                foreach (var c in Columns) sb.Append(',').Append(Cents(c.Value(g, m)));
                sb.Append(',').Append(g.LoanCount[m].ToString("0.####", CultureInfo.InvariantCulture)).Append('\n');
            }
        return sb.ToString();
    }

    private static string Json(CollateralProjection p, IReadOnlyList<Loan> loans)
    {
        var summaries = CollateralSummary.All(p, loans);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("scenario");
            w.WriteString("prepay", p.Scenario.Prepay.Text);
            w.WriteString("default", p.Scenario.Default.Text);
            w.WriteNumber("severity_percent", p.Scenario.Severity.At(1) * 100);
            w.WriteNumber("recovery_lag", p.Scenario.RecoveryLag);
            w.WriteBoolean("advancing", p.Scenario.Advancing);
            w.WriteString("advancing_convention", AdvancingConventions.Format(p.Scenario.AdvanceOrDefault));
            w.WriteEndObject();
            w.WriteStartArray("groups");
            foreach (var g in CollateralSummary.InGroupOrder(p))
            {
                w.WriteStartObject();
                w.WriteString("group", g.Group);
                w.WritePropertyName("summary");
                WriteSummary(w, summaries.First(s => s.Group == g.Group));
                w.WriteStartArray("months");
                for (var m = 1; m <= LastActiveMonth(g); m++)
                {
                    w.WriteStartObject();
                    w.WriteNumber("month", m);
                    foreach (var c in Columns) w.WriteNumber(c.Name, Money.ToCents(c.Value(g, m)));
                    w.WriteNumber("loan_count", Math.Round(g.LoanCount[m], 6));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WritePropertyName("total");
            WriteSummary(w, p.Groups.Count > 1 ? summaries[^1] : summaries[0] with { Group = "total" });
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteSummary(Utf8JsonWriter w, CollateralSummary s)
    {
        w.WriteStartObject();
        w.WriteString("group", s.Group);
        w.WriteNumber("loans", Math.Round(s.Loans, 6));
        w.WriteNumber("cutoff_balance", Money.ToCents(s.CutoffBalance));
        w.WriteNumber("gross_wac_percent", Math.Round(s.GrossWac * 100, 6));
        w.WriteNumber("net_wac_percent", Math.Round(s.NetWac * 100, 6));
        w.WriteNumber("wam_months", Math.Round(s.Wam, 4));
        w.WriteNumber("wala_months", Math.Round(s.Wala, 4));
        w.WriteNumber("wal_years", s.WalYears);
        w.WriteNumber("total_principal", Money.ToCents(s.Principal));
        w.WriteNumber("scheduled_principal", Money.ToCents(s.ScheduledPrincipal));
        w.WriteNumber("prepayments", Money.ToCents(s.Prepayments));
        w.WriteNumber("defaults", Money.ToCents(s.Defaults));
        w.WriteNumber("liquidation_proceeds", Money.ToCents(s.LiquidationProceeds));
        w.WriteNumber("realized_loss", Money.ToCents(s.RealizedLoss));
        w.WriteNumber("net_interest", Money.ToCents(s.NetInterest));
        w.WriteNumber("months_to_zero", s.MonthsToZero);
        w.WriteEndObject();
    }

    private static string Table(CollateralProjection p, IReadOnlyList<Loan> loans)
    {
        var (console, text) = Console();
        console.WriteLine($"Scenario: prepay {p.Scenario.Prepay}, default {p.Scenario.Default}, severity {p.Scenario.Severity.At(1) * 100:0.##}%, " +
                          $"lag {p.Scenario.RecoveryLag}, {AdvancingConventions.Describe(p.Scenario.AdvanceOrDefault)}");
        foreach (var g in CollateralSummary.InGroupOrder(p))
        {
            console.WriteLine();
            console.WriteLine($"Group {g.Group}: monthly cash flows");
            var t = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("Month").RightAligned());
            // Advances (interest and principal) and their recovery from liquidation proceeds, when there are any.
            var advanced = p.Scenario.RecoveryLag > 0 && p.Scenario.AdvanceOrDefault != AdvancingConvention.None;
            string[] heads = advanced
                ? ["Beginning Bal", "Sched Prin", "Prepaid", "Defaults", "Liq Proceeds", "Adv Recovered", "Loss", "Int Advanced", "Prin Advanced", "Net Interest", "Ending Bal"]
                : ["Beginning Bal", "Sched Prin", "Prepaid", "Defaults", "Liq Proceeds", "Loss", "Net Interest", "Ending Bal"];
            int[] pick = advanced ? [0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 13] : [0, 1, 2, 3, 4, 6, 12, 13];
            foreach (var h in heads) t.AddColumn(new TableColumn(h).RightAligned());
            for (var m = 1; m <= LastActiveMonth(g); m++)
                t.AddRow([m.ToString(CultureInfo.InvariantCulture), .. pick.Select(i => Amount(Columns[i].Value(g, m)))]);
            console.Write(t);
        }
        console.WriteLine();
        console.Write(SummaryTable(CollateralSummary.All(p, loans)));
        return text.ToString();
    }

    /// <summary>One row per group (and a total row): the block `remic collateral` ends with and `remic demo` prints.</summary>
    public static Table SummaryTable(IReadOnlyList<CollateralSummary> rows)
    {
        var t = new Table().Border(TableBorder.Simple).Title("Summary");
        t.AddColumn("Group");
        foreach (var h in new[] { "Loans", "Cut-off Bal", "Gross WAC", "Net WAC", "WAM", "WALA", "WAL (yr)", "Principal", "Net Interest", "Defaults", "Loss", "Months to 0" })
            t.AddColumn(new TableColumn(h).RightAligned());
        foreach (var s in rows)
            t.AddRow(s.Group, s.Loans.ToString("#,##0.##", CultureInfo.InvariantCulture), Amount(s.CutoffBalance),
                Pct(s.GrossWac), Pct(s.NetWac), s.Wam.ToString("0.#", CultureInfo.InvariantCulture), s.Wala.ToString("0.#", CultureInfo.InvariantCulture),
                s.WalYears.ToString("0.000", CultureInfo.InvariantCulture), Amount(s.Principal), Amount(s.NetInterest),
                Amount(s.Defaults), Amount(s.RealizedLoss), s.MonthsToZero.ToString(CultureInfo.InvariantCulture));
        return t;
    }

    private static string Amount(double x) => Money.ToCents(x).ToString("#,##0.00", CultureInfo.InvariantCulture);
    private static string Pct(double fraction) => (fraction * 100).ToString("0.000", CultureInfo.InvariantCulture) + "%";

    /// <summary>A plain (no colour, no ANSI) Spectre console writing into a string, wide enough for the monthly table.</summary>
    public static (IAnsiConsole Console, StringWriter Text) Console()
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = 200;
        return (console, text);
    }
}
