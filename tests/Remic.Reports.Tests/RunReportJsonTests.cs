using System.Globalization;
using System.Text.Json;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Projection;

namespace Remic.Reports.Tests;

/// <summary>
/// `remic run --format json` (and the HTTP API's monthly rows) are written straight from the projection; they must hold
/// exactly what the CSV files hold, cell for cell: amounts and percents as the same numbers, names/dates/yes-no as the
/// same text. The CSV is the reference (a separate writer); indented and compact JSON are the same document.
/// </summary>
public class RunReportJsonTests
{
    private static string Root()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Remic.sln"))) d = d.Parent;
        return d!.FullName;
    }

    [Theory]
    [InlineData("examples/sample/deal.yaml", "300 PPC", "5 CDR")]
    [InlineData("examples/cwalt-2004-j4/deal.yaml", "100 PPC", "0 CDR")]
    [InlineData("examples/cwalt-2007-12t1/deal.yaml", "0 PPC", "2 CDR")]
    public void The_json_rows_are_the_csv_rows_cell_for_cell(string deal, string prepay, string dflt)
    {
        var d = DealLoader.Load(Path.Combine(Root(), deal));
        var scenario = new Scenario { Prepay = Speed.Prepay(prepay), Default = Speed.Default(dflt), Severity = MonthlyVector.Flat(0.5), RecoveryLag = 6, Indices = Remic.Reports.Book.DealBook.AssumedIndices(d, new Dictionary<string, MonthlyVector>()) };
        var report = new RunReport(DealRunner.Run(d, scenario), scenario, []);
        var (texts, _) = report.Files("csv");
        using var indented = JsonDocument.Parse(report.Json());
        using var compact = JsonDocument.Parse(report.Json(indented: false));
        Assert.Equal(JsonSerializer.Serialize(indented.RootElement), JsonSerializer.Serialize(compact.RootElement));
        Assert.DoesNotContain('\n', report.Json(indented: false));
        foreach (var (section, file) in new[] { ("classes", "classes.csv"), ("collateral", "collateral.csv") })
        {
            var lines = texts.Single(t => t.Name == file).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            var header = lines[0].Split(',');
            var rows = indented.RootElement.GetProperty(section).EnumerateArray().ToList();
            Assert.Equal(lines.Count - 1, rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                var cells = lines[r + 1].Split(','); // no name in the example deals holds a comma
                var props = rows[r].EnumerateObject().ToList();
                Assert.Equal(header, props.Select(p => p.Name).ToArray());
                for (var i = 0; i < header.Length; i++)
                {
                    var v = props[i].Value;
                    if (v.ValueKind == JsonValueKind.Number)
                        Assert.True(decimal.Parse(cells[i], CultureInfo.InvariantCulture) == v.GetDecimal(), $"{file} row {r + 1} {header[i]}: csv {cells[i]}, json {v.GetRawText()}");
                    else Assert.Equal(cells[i], v.GetString());
                }
                // Amounts keep the CSV's two decimals.
                Assert.Equal(cells[3], props[3].Value.GetRawText());
            }
        }
        Assert.Equal(report.CheckLines(), indented.RootElement.GetProperty("checks").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }
}
