using MiniExcel = MiniExcelLibs.MiniExcel;
using Parquet;
using Parquet.Schema;

namespace Remic.Reports;

/// <summary>
/// Tables as data files: an Excel workbook with one sheet a table (MiniExcel), and Parquet for long cash flows
/// (Parquet.Net: numbers as DOUBLE, dates as DATE/TIMESTAMP, text as UTF-8, so pandas and Arrow read them natively).
/// Both take the <see cref="TidyData"/> of a table, the same data its CSV carries.
/// </summary>
public static class DataFiles
{
    /// <summary>Writes the sheets (name, data) to an .xlsx file; names are cut to Excel's 31 characters and made unique.</summary>
    public static void WriteXlsx(string path, IEnumerable<(string Sheet, TidyData Data)> sheets)
    {
        var book = new Dictionary<string, object>();
        foreach (var (sheet, data) in sheets)
        {
            var name = SheetName(sheet, book.Keys);
            book[name] = data.Rows.Select(r =>
            {
                var row = new Dictionary<string, object?>();
                for (var c = 0; c < data.Columns.Count; c++) row[data.Columns[c]] = Cell(c < r.Count ? r[c] : null);
                return row;
            }).ToList();
        }
        if (book.Count == 0) throw new ArgumentException("a workbook needs at least one sheet", nameof(sheets));
        var tmp = path + ".partial";
        if (File.Exists(tmp)) File.Delete(tmp);
        MiniExcel.SaveAs(tmp, book, excelType: MiniExcelLibs.ExcelType.XLSX);
        File.Move(tmp, path, overwrite: true);
    }

    private static object? Cell(object? v) => v switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        double x when !double.IsFinite(x) => null,
        _ => v,
    };

    /// <summary>Excel's rules: at most 31 characters, none of []:*?/\, unique without regard to case.</summary>
    public static string SheetName(string wanted, IEnumerable<string> taken)
    {
        var clean = new string(wanted.Select(ch => "[]:*?/\\".Contains(ch) ? '_' : ch).ToArray()).Trim();
        if (clean.Length == 0) clean = "Sheet";
        var set = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);
        var name = clean.Length > 31 ? clean[..31] : clean;
        for (var k = 2; set.Contains(name); k++)
        {
            var suffix = $"~{k}";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return name;
    }

    /// <summary>
    /// Writes one table as a Parquet file (one row group). A column whose values are all numbers is DOUBLE (or INT32
    /// when all are whole ints), all dates DATE, all booleans BOOLEAN, anything else UTF-8 text; empty cells are nulls.
    /// </summary>
    public static void WriteParquet(string path, TidyData data)
    {
        var tmp = path + ".partial";
        using (var stream = File.Create(tmp)) WriteParquetAsync(stream, data).GetAwaiter().GetResult();
        File.Move(tmp, path, overwrite: true);
    }

    public static async Task WriteParquetAsync(Stream stream, TidyData data)
    {
        var n = data.Rows.Count;
        object? At(int r, int c) => c < data.Rows[r].Count ? data.Rows[r][c] : null;
        var kinds = Enumerable.Range(0, data.Columns.Count).Select(c => KindOf(Enumerable.Range(0, n).Select(r => At(r, c)))).ToArray();
        var fields = data.Columns.Select((name, c) => (DataField)(kinds[c] switch
        {
            Kind.Int => new DataField<int?>(name),
            Kind.Double => new DataField<double?>(name),
            Kind.Date => new DataField<DateOnly?>(name),
            Kind.Bool => new DataField<bool?>(name),
            _ => new DataField<string>(name, true),
        })).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < fields.Length; c++)
        {
            var col = Enumerable.Range(0, n).Select(r => At(r, c)).ToArray();
            switch (kinds[c])
            {
                case Kind.Int: await group.WriteAsync<int>(fields[c], col.Select(v => v is null ? (int?)null : Convert.ToInt32(v)).ToArray().AsMemory()); break;
                case Kind.Double: await group.WriteAsync<double>(fields[c], col.Select(v => v is null ? (double?)null : Convert.ToDouble(v)).ToArray().AsMemory()); break;
                case Kind.Date: await group.WriteAsync<DateOnly>(fields[c], col.Select(v => (DateOnly?)v).ToArray().AsMemory()); break;
                case Kind.Bool: await group.WriteAsync<bool>(fields[c], col.Select(v => (bool?)v).ToArray().AsMemory()); break;
                default: await group.WriteAsync(fields[c], col.Select(v => v is null ? null! : TidyData.Text(v)).ToArray()); break;
            }
        }
    }

    private enum Kind { Int, Double, Date, Bool, Text }

    private static Kind KindOf(IEnumerable<object?> values)
    {
        var seen = values.Where(v => v is not null).ToList();
        if (seen.Count == 0) return Kind.Text;
        if (seen.All(v => v is int)) return Kind.Int;
        if (seen.All(v => v is double or decimal or int or long or float)) return Kind.Double;
        if (seen.All(v => v is DateOnly)) return Kind.Date;
        if (seen.All(v => v is bool)) return Kind.Bool;
        return Kind.Text;
    }
}
