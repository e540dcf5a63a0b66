using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using MiniExcelLibs;
using Parquet;
using Remic.Collateral.Tape;
using Remic.Reports.Book;

namespace Remic.Reports.Tests;

/// <summary>
/// Every table's data outputs load as data: the CSV parses back with a CSV reader (one header row of snake_case names,
/// every row as wide, numbers without separators or "%", ISO dates), book.xlsx opens with one sheet a table holding the
/// same rows, and Parquet reads back typed.
/// </summary>
public class DataOutputTests
{
    private static List<string[]> ReadCsv(string text)
    {
        var options = new CsvReaderOptions { Separator = ',', HasHeader = true, AllowLineBreaksInQuotes = false };
        using var csv = CsvReader.Create(System.Text.Encoding.UTF8.GetBytes(text), options);
        var rows = new List<string[]> { csv.Headers.ToArray() };
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "").ToArray());
        return rows;
    }

    private static readonly Regex SnakeCase = new("^[a-z0-9]+(_[a-z0-9]+)*$");
    private static readonly Regex DisplayNumber = new(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$|%$|^\*$|^>=");
    private static readonly Regex DisplayDate = new(@"^[A-Z][a-z]{2}\d{2}$|^(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$");

    [Fact]
    public void The_tape_books_csv_and_xlsx_hold_every_table_as_data()
    {
        var dir = BookFixtures.TempDir();
        try
        {
            var input = PassThroughBook.Input(SyntheticTape.Generate(), new PassThroughTerms());
            var (book, _) = BookWriter.BuildAndWrite(input, dir);
            var sheets = MiniExcel.GetSheetNames(Path.Combine(dir, "book.xlsx"));
            var names = new List<string>();
            foreach (var t in book.Tables) names.Add(DataFiles.SheetName(t.Stem, names));
            Assert.Equal(names, sheets); // the stems, cut to Excel's 31 characters
            foreach (var (t, sheetName) in book.Tables.Zip(names))
            {
                var rows = ReadCsv(File.ReadAllText(Path.Combine(dir, t.Stem + ".csv")));
                var header = rows[0];
                Assert.All(header, h => Assert.Matches(SnakeCase, h));
                Assert.Equal(header.Length, header.Distinct().Count());
                foreach (var r in rows.Skip(1))
                {
                    Assert.Equal(header.Length, r.Length);
                    // Breakeven cells ("≥ 100") are the loss section's own display; every other cell is plain.
                    if (t.Stem != "breakeven-cdr")
                        Assert.All(r, cell => Assert.False(DisplayNumber.IsMatch(cell), $"{t.Stem}: display cell '{cell}'"));
                    Assert.All(r, cell => Assert.False(DisplayDate.IsMatch(cell), $"{t.Stem}: display date '{cell}'"));
                }
                // The sheet has the CSV's header and as many rows.
                var sheet = MiniExcel.Query(Path.Combine(dir, "book.xlsx"), useHeaderRow: true, sheetName: sheetName).Cast<IDictionary<string, object>>().ToList();
                Assert.Equal(rows.Count - 1, sheet.Count);
                if (sheet.Count > 0) Assert.Equal(header, sheet[0].Keys.ToArray());
            }
            // The price table is long: a row per price and speed, price in decimal beside 32nds, yield in percent.
            var py = ReadCsv(File.ReadAllText(Path.Combine(dir, "price-yield-pt-1.csv")));
            var col = py[0].Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
            var at = py.Skip(1).Single(r => r[col["scenario"]] == "100 PPC" && r[col["price_32nds"]] == "99-16");
            Assert.Equal("99.5", at[col["price"]]);
            var display = BookFixtures.Cell(BookFixtures.Table(book, "price-yield-pt-1"), "99-16", "100 PPC");
            Assert.Equal(display, double.Parse(at[col["yield_percent"]], CultureInfo.InvariantCulture).ToString("0.000", CultureInfo.InvariantCulture));
            // Decrement tables: exact percents by ISO date, not "*" or "April 2005".
            var dec = ReadCsv(File.ReadAllText(Path.Combine(dir, "decrement-pt-1.csv")));
            Assert.Equal(["distribution_date", "speed", "percent_outstanding", "wal_years"], dec[0]);
            Assert.All(dec.Skip(1), r => DateOnly.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Display_cells_are_made_plain()
    {
        Assert.Equal(1234567.89m, TidyData.Plain("1,234,567.89"));
        Assert.Equal(5.5m, TidyData.Plain("5.5%"));
        Assert.Equal(-12m, TidyData.Plain("-12"));
        Assert.Equal("May04 - Mar09", TidyData.Plain("May04 - Mar09"));
        Assert.Null(TidyData.Plain(" "));
        Assert.Equal("wal_yr", TidyData.SnakeCase("WAL (yr)"));
        Assert.Equal("aggregate_principal_balance", TidyData.SnakeCase("Aggregate Principal Balance ($)"));
        Assert.Equal("severity_20_percent", TidyData.SnakeCase("Severity 20%"));
    }

    [Fact]
    public async Task Parquet_reads_back_typed()
    {
        var data = new TidyData(["period", "date", "class", "principal", "passed"],
        [
            [1, new DateOnly(2004, 5, 25), "1-A-1", 1733240.88m, true],
            [2, new DateOnly(2004, 6, 25), "1-A-1", 1894948.06, false],
        ]);
        using var ms = new MemoryStream();
        await DataFiles.WriteParquetAsync(ms, data);
        ms.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(ms);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(data.Columns, fields.Select(f => f.Name).ToArray());
        Assert.Equal(typeof(int), fields[0].ClrType);
        Assert.Contains(fields[1].ClrType, new[] { typeof(DateOnly), typeof(DateTime) }); // a DATE column
        Assert.Contains(fields[2].ClrType, new[] { typeof(string), typeof(ReadOnlyMemory<char>) });
        Assert.Equal(typeof(double), fields[3].ClrType);
        Assert.Equal(typeof(bool), fields[4].ClrType);
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(2, group.RowCount);
        var principal = new double?[2];
        await group.ReadAsync<double>(fields[3], principal.AsMemory());
        Assert.Equal([1733240.88, 1894948.06], principal.Select(p => p!.Value).ToArray());
    }

    [Fact]
    public void Sheet_names_follow_excels_rules()
    {
        Assert.Equal("strats-group-1-original-loan-to", DataFiles.SheetName("strats-group-1-original-loan-to-value-ratio", []));
        Assert.Equal("strats-group-1-original-loan-~2", DataFiles.SheetName("strats-group-1-original-loan-to-value-ratio", ["strats-group-1-original-loan-to"]));
        Assert.Equal("a_b", DataFiles.SheetName("a/b", []));
    }
}
