using System.Globalization;
using System.Text;
using System.Text.Json;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Projection;

namespace Remic.Reports;

/// <summary>The output of `remic run`: per-class monthly flows, per-group collateral, and the checks that ran.</summary>
public sealed class RunReport(DealProjection run, Scenario scenario, string[] onlyClasses)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] ClassColumns =
        ["period", "date", "class", "begin_balance", "coupon", "interest_due", "interest_paid", "interest_shortfall", "unpaid_interest",
         "principal", "loss", "accretion", "end_balance", "po_deferred_paid", "corridor_paid", "residual_paid"];

    private static readonly string[] GroupColumns =
        ["period", "date", "group", "begin_balance", "scheduled_principal", "prepayments", "liquidation_proceeds", "realized_loss",
         "net_interest", "available_funds", "senior_percentage", "senior_prepayment_percentage", "senior_principal", "po_principal", "step_down_passed",
         "interest_advances", "principal_advances", "advances_recovered"];

    private IEnumerable<int> Classes() => Enumerable.Range(0, run.Deal.Classes.Count)
        .Where(c => onlyClasses.Length == 0 || onlyClasses.Contains(run.Deal.Classes[c].Name, StringComparer.OrdinalIgnoreCase));

    private IEnumerable<string[]> ClassRows() =>
        from p in run.Periods
        from c in Classes()
        select new[]
        {
            p.Period.ToString(Inv), p.DistributionDate.ToString("yyyy-MM-dd", Inv), run.Deal.Classes[c].Name,
            M(p.BeginBalance[c]), (p.Coupon[c] * 100).ToString("0.######", Inv), M(p.InterestDue[c]), M(p.InterestPaid[c]),
            M(p.InterestShortfall[c]), M(p.UnpaidInterest[c]), M(p.Principal[c]), M(p.Loss[c]), M(p.Accretion[c]), M(p.EndBalance[c]),
            M(p.PoDeferredPaid[c]), M(p.CorridorPaid[c]), M(p.Residual[c]),
        };

    private IEnumerable<string[]> GroupRows()
    {
        var groups = run.Deal.Groups.Select(g => run.Collateral.Group(g.Name)).ToArray();
        foreach (var p in run.Periods)
            for (var g = 0; g < groups.Length; g++)
            {
                var cf = groups[g];
                var m = p.Period;
                yield return
                [
                    m.ToString(Inv), p.DistributionDate.ToString("yyyy-MM-dd", Inv), cf.Group, M(cf.BeginBalance[m]), M(cf.ScheduledPrincipal[m]),
                    M(Prepayments(p, cf, g)), M(LiquidationPrincipal(p, cf, g)), M(p.CollateralLoss[g]),
                    M(cf.NetInterest[m]), M(p.AvailableFunds[g]), (p.SeniorPercentage[g] * 100).ToString("0.######", Inv),
                    (p.SeniorPrepaymentPercentage[g] * 100).ToString("0.######", Inv), M(p.SeniorPrincipal[g]), M(p.PoPrincipal[g]),
                    p.StepDownPassed[g] ? "yes" : "no",
                    M(cf.Advances[m]), M(cf.PrincipalAdvances[m]), M(cf.AdvancesRecovered[m]),
                ];
            }
    }

    public string[] CheckLines()
    {
        var collPrin = run.Periods.Sum(p => p.CollateralPrincipal.Sum());
        var collLoss = run.Periods.Sum(p => p.CollateralLoss.Sum());
        var principal = run.Deal.Classes.Select((c, i) => c.IsNotional ? 0 : run.TotalPrincipal(i)).Sum();
        var losses = run.Deal.Classes.Select((c, i) => c.IsNotional ? 0 : run.TotalLoss(i)).Sum();
        var accretion = run.Periods.Sum(p => p.Accretion.Sum());
        var under = run.Periods.Count == 0 ? 0 : run.Periods[^1].Next.Undercollateralisation;
        var af = run.Periods.Sum(p => p.AvailableFunds.Sum());
        var cash = run.Periods.Sum(p => p.InterestPaid.Sum() + p.PoDeferredPaid.Sum() + p.Residual.Sum()) + principal;
        return
        [
            $"deal: {run.Deal.Metadata.TrustName}",
            $"scenario: prepay {scenario.Prepay}, default {scenario.Default}, severity {scenario.Severity.At(1) * 100:0.##}%, lag {scenario.RecoveryLag}, {AdvancingConventions.Describe(run.Collateral.Scenario.AdvanceOrDefault)}" + (run.CalledAt is { } c ? $", clean-up call exercised in period {c}" : ""),
            $"distributions checked: {run.Periods.Count}",
            $"collateral principal {M(collPrin)} + realised losses {M(collLoss)} = class principal {M(principal)} + allocated losses {M(losses)} - accretion {M(accretion)} + undercollateralisation at the end {M(under)}",
            $"Available Funds {M(af)} = class interest, principal, Class PO Deferred and residual payments {M(cash)} + left undistributed {M(af - cash)}",
            "checks passed every period: principal conservation; cash paid <= Available Funds; interest paid <= due; no negative balance; notional amounts follow their reference; Class PO = PO pool and all classes = pool (+ undercollateralisation); subordinate writedowns only of an excess the books explain",
        ];
    }

    public void Print(string format, TextWriter w)
    {
        switch (format)
        {
            case "csv":
                WriteCsv(w, ClassColumns, ClassRows());
                w.WriteLine();
                WriteCsv(w, GroupColumns, GroupRows());
                w.WriteLine();
                foreach (var l in CheckLines()) w.WriteLine("# " + l);
                break;
            case "json":
                w.WriteLine(Json());
                break;
            default:
                PrintTables(w);
                break;
        }
    }

    /// <summary>The files `run --out` writes: classes.*, collateral.* and checks.txt as text, the monthly flows also as Parquet.</summary>
    public (IReadOnlyList<(string Name, string Text)> Texts, IReadOnlyList<(string Name, Action<Stream> Write)> Binaries) Files(string format)
    {
        var files = new List<(string Name, string Text)>();
        if (format == "json") files.Add(("cashflows.json", Json()));
        else
        {
            var sb = new StringWriter(Inv);
            WriteCsv(sb, ClassColumns, ClassRows());
            files.Add(("classes.csv", sb.ToString()));
            sb = new StringWriter(Inv);
            WriteCsv(sb, GroupColumns, GroupRows());
            files.Add(("collateral.csv", sb.ToString()));
        }
        files.Add(("checks.txt", string.Join(Environment.NewLine, CheckLines()) + Environment.NewLine));
        // The long monthly flows also as Parquet (typed columns: pandas.read_parquet reads them as they are).
        var classData = Tidy(ClassColumns, ClassRows());
        var groupData = Tidy(GroupColumns, GroupRows());
        return (files,
        [
            ("classes.parquet", s => Remic.Reports.DataFiles.WriteParquetAsync(s, classData).GetAwaiter().GetResult()),
            ("collateral.parquet", s => Remic.Reports.DataFiles.WriteParquetAsync(s, groupData).GetAwaiter().GetResult()),
        ]);
    }

    /// <summary>The per-class monthly rows as tidy data (the columns of classes.csv).</summary>
    public TidyData ClassData() => Tidy(ClassColumns, ClassRows());

    /// <summary>The per-group collateral monthly rows as tidy data (the columns of collateral.csv).</summary>
    public TidyData CollateralData() => Tidy(GroupColumns, GroupRows());

    /// <summary>Index of the class's last period with a balance or a payment: the text table stops there.</summary>
    private int LastActivePeriod(int c)
    {
        for (var i = run.Periods.Count - 1; i >= 0; i--)
        {
            var p = run.Periods[i];
            if (p.BeginBalance[c] > 0.005 || p.InterestPaid[c] > 0.005 || p.Principal[c] > 0.005 || p.UnpaidInterest[c] > 0.005 || p.Residual[c] > 0.005) return i;
        }
        return 0;
    }

    /// <summary>Fixed-width text tables (one per class, then collateral by group), readable in any terminal or file.</summary>
    private void PrintTables(TextWriter w)
    {
        static string N(double x) => Remic.Core.Money.ToCents(x).ToString("N2", Inv);
        foreach (var c in Classes())
        {
            var spec = run.Deal.Classes[c];
            var residual = run.Periods.Any(p => p.Residual[c] != 0);
            w.WriteLine($"Class {spec.Name}");
            string[] header = ["Per", "Date", "Begin", "Cpn%", "Int due", "Int paid", "Shortfall", "Principal", "Loss", "Accretion", "End"];
            Table(w, residual ? [.. header, "Residual"] : header,
                run.Periods.Take(LastActivePeriod(c) + 1).Select(p =>
                {
                    string[] row =
                    [
                        p.Period.ToString(Inv), p.DistributionDate.ToString("MMMyy", Inv), N(p.BeginBalance[c]), (p.Coupon[c] * 100).ToString("0.0000", Inv),
                        N(p.InterestDue[c]), N(p.InterestPaid[c]), N(p.InterestShortfall[c] + p.UnpaidInterest[c]), N(p.Principal[c]), N(p.Loss[c]),
                        N(p.Accretion[c]), N(p.EndBalance[c]),
                    ];
                    return residual ? [.. row, N(p.Residual[c])] : row;
                }));
            w.WriteLine();
        }
        w.WriteLine("Collateral by group");
        Table(w, ["Per", "Group", "Begin", "Sched", "Prepay", "Liq", "Loss", "Net int", "Sr%", "SrPP%"],
            GroupRows().Select(r => new[] { r[0], r[2], Fmt(r[3]), Fmt(r[4]), Fmt(r[5]), Fmt(r[6]), Fmt(r[7]), Fmt(r[8]), Pct(r[10]), Pct(r[11]) }));
        w.WriteLine();
        foreach (var l in CheckLines()) w.WriteLine(l);
    }

    private static string Fmt(string cents) => decimal.Parse(cents, Inv).ToString("N2", Inv);
    private static string Pct(string pct) => decimal.Parse(pct, Inv).ToString("0.0000", Inv);

    private static void Table(TextWriter w, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        var width = header.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        w.WriteLine(string.Join("  ", header.Select((h, i) => h.PadLeft(width[i]))));
        w.WriteLine(string.Join("  ", width.Select(x => new string('-', x))));
        foreach (var r in all) w.WriteLine(string.Join("  ", r.Select((x, i) => x.PadLeft(width[i]))));
    }

    /// <summary>
    /// The monthly rows and checks as JSON ({"classes": [...], "collateral": [...], "checks": [...]}): the columns of the CSV
    /// files, amounts and percents as numbers (cents with two decimals), dates, names and yes/no as strings. Written straight
    /// from the projection, not from the CSV text (indented for the CLI, compact for the HTTP API).
    /// </summary>
    public string Json(bool indented = true)
    {
        using var ms = new MemoryStream();
        using (var j = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = indented }))
        {
            j.WriteStartObject();
            WriteClassRows(j);
            WriteGroupRows(j);
            j.WriteStartArray("checks");
            foreach (var l in CheckLines()) j.WriteStringValue(l);
            j.WriteEndArray();
            j.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private void WriteClassRows(Utf8JsonWriter j)
    {
        var classes = Classes().ToArray();
        var names = classes.Select(c => JsonEncodedText.Encode(run.Deal.Classes[c].Name)).ToArray();
        var k = ClassColumns.Select(n => JsonEncodedText.Encode(n)).ToArray();
        j.WriteStartArray("classes");
        foreach (var p in run.Periods)
        {
            var date = p.DistributionDate.ToString("yyyy-MM-dd", Inv);
            for (var x = 0; x < classes.Length; x++)
            {
                var c = classes[x];
                j.WriteStartObject();
                j.WriteNumber(k[0], p.Period);
                j.WriteString(k[1], date);
                j.WriteString(k[2], names[x]);
                Cents(j, k[3], p.BeginBalance[c]);
                j.WriteNumber(k[4], Percent(p.Coupon[c]));
                Cents(j, k[5], p.InterestDue[c]);
                Cents(j, k[6], p.InterestPaid[c]);
                Cents(j, k[7], p.InterestShortfall[c]);
                Cents(j, k[8], p.UnpaidInterest[c]);
                Cents(j, k[9], p.Principal[c]);
                Cents(j, k[10], p.Loss[c]);
                Cents(j, k[11], p.Accretion[c]);
                Cents(j, k[12], p.EndBalance[c]);
                Cents(j, k[13], p.PoDeferredPaid[c]);
                Cents(j, k[14], p.CorridorPaid[c]);
                Cents(j, k[15], p.Residual[c]);
                j.WriteEndObject();
            }
        }
        j.WriteEndArray();
    }

    private void WriteGroupRows(Utf8JsonWriter j)
    {
        var groups = run.Deal.Groups.Select(g => run.Collateral.Group(g.Name)).ToArray();
        var k = GroupColumns.Select(n => JsonEncodedText.Encode(n)).ToArray();
        j.WriteStartArray("collateral");
        foreach (var p in run.Periods)
        {
            var date = p.DistributionDate.ToString("yyyy-MM-dd", Inv);
            var m = p.Period;
            for (var g = 0; g < groups.Length; g++)
            {
                var cf = groups[g];
                j.WriteStartObject();
                j.WriteNumber(k[0], m);
                j.WriteString(k[1], date);
                j.WriteString(k[2], cf.Group);
                Cents(j, k[3], cf.BeginBalance[m]);
                Cents(j, k[4], cf.ScheduledPrincipal[m]);
                Cents(j, k[5], Prepayments(p, cf, g));
                Cents(j, k[6], LiquidationPrincipal(p, cf, g));
                Cents(j, k[7], p.CollateralLoss[g]);
                Cents(j, k[8], cf.NetInterest[m]);
                Cents(j, k[9], p.AvailableFunds[g]);
                j.WriteNumber(k[10], Percent(p.SeniorPercentage[g]));
                j.WriteNumber(k[11], Percent(p.SeniorPrepaymentPercentage[g]));
                Cents(j, k[12], p.SeniorPrincipal[g]);
                Cents(j, k[13], p.PoPrincipal[g]);
                j.WriteString(k[14], p.StepDownPassed[g] ? "yes" : "no");
                Cents(j, k[15], cf.Advances[m]);
                Cents(j, k[16], cf.PrincipalAdvances[m]);
                Cents(j, k[17], cf.AdvancesRecovered[m]);
                j.WriteEndObject();
            }
        }
        j.WriteEndArray();
    }

    /// <summary>Liquidation proceeds net of what paid the liquidated loans' accrued interest (that interest is in the loss).</summary>
    private static double LiquidationPrincipal(Remic.Deals.Waterfall.PeriodResult<double> p, GroupCashFlows cf, int g) =>
        cf.LiquidationProceeds[p.Period] - p.LiquidationInterest[g];

    /// <summary>The group's principal collected that is neither scheduled nor liquidation principal.</summary>
    private static double Prepayments(Remic.Deals.Waterfall.PeriodResult<double> p, GroupCashFlows cf, int g) =>
        p.CollateralPrincipal[g] - cf.ScheduledPrincipal[p.Period] - cf.LiquidationProceeds[p.Period] + p.LiquidationInterest[g];

    /// <summary>An amount as the CSV prints it, to the cent with two decimals (adding 0.00m sets the scale to 2).</summary>
    private static void Cents(Utf8JsonWriter j, JsonEncodedText name, double x)
    {
        var v = Remic.Core.Money.ToCents(x);
        j.WriteNumber(name, v == 0 ? 0.00m : v + 0.00m); // never "-0.00"
    }

    /// <summary>A rate as a percent with up to six decimals, the CSV's "0.######".</summary>
    private static decimal Percent(double rate) => decimal.Parse((rate * 100).ToString("0.######", Inv), NumberStyles.Number, Inv);

    /// <summary>The rows as typed data: ISO dates as dates, amounts and percents as numbers, yes/no as booleans.</summary>
    private static Remic.Reports.TidyData Tidy(string[] header, IEnumerable<string[]> rows) => new(header,
        rows.Select(r => (IReadOnlyList<object?>)r.Select((cell, i) => header[i] switch
        {
            "date" => DateOnly.ParseExact(cell, "yyyy-MM-dd", Inv),
            "period" => int.Parse(cell, Inv),
            "class" or "group" => cell,
            "step_down_passed" => cell == "yes",
            _ => (object?)double.Parse(cell, Inv),
        }).ToArray()).ToList());

    private static void WriteCsv(TextWriter w, string[] header, IEnumerable<string[]> rows)
    {
        w.WriteLine(CsvCell.Line(header));
        foreach (var r in rows) w.WriteLine(CsvCell.Line(r));
    }

    private static string M(double x) => Remic.Core.Money.ToCents(x).ToString("0.00", Inv);
}
