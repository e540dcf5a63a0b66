using System.Globalization;
using CsvHelper;
using Remic.Core;

namespace Remic.Grid;

/// <summary>
/// <c>--index-paths paths.csv</c>: one column per index path, one row per projection month (the first data row is
/// month 1), levels in percent. The header names the paths; a first column named <c>month</c> or <c>period</c> is
/// the month number and must count 1, 2, 3, …. A path may end before the others (blank cells at its foot): its last
/// level holds. Every index the deal resets off (floaters, inverse floaters, corridors, ARM loans) follows the path.
/// </summary>
public static class GridIndexPaths
{
    public const string Option = "--index-paths";

    public static IReadOnlyList<GridIndexPath> Read(string path)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(UserFile.ReadText(path, FileLimits.IndexFile, Option));
        var options = new CsvReaderOptions { Separator = ',', HasHeader = false, SkipEmptyLines = true, TrimWhitespace = true, TrackLineNumbers = true };
        using var csv = CsvReader.Create(bytes, options);
        var rows = new List<string[]>();
        var lines = new List<int>();
        while (csv.Read())
        {
            var row = new string[csv.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = csv.GetString(i) ?? "";
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(row);
            lines.Add((int)csv.LineNumber);
        }
        if (rows.Count == 0) throw new RemicInputException(path, 1, "", null, "a header row naming the index paths, then one row of levels (percent) per month");
        var header = rows[0].Select(h => h.Trim()).ToArray();
        var monthColumn = header.Length > 0 && header[0].ToLowerInvariant() is "month" or "period";
        var first = monthColumn ? 1 : 0;
        var errors = new List<InputError>();
        if (header.Length - first < 1) errors.Add(new InputError(path, 1, "", string.Join(",", header), "at least one index path column (its header is the path's name)"));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var c = first; c < header.Length; c++)
        {
            if (header[c].Length == 0) errors.Add(new InputError(path, 1, $"column {c + 1}", null, "a name for the index path in the header"));
            else if (!seen.Add(header[c])) errors.Add(new InputError(path, 1, header[c], header[c], "each path name once"));
        }
        if (rows.Count < 2) errors.Add(new InputError(path, 2, "", null, "at least one row of index levels (percent) under the header"));
        if (errors.Count > 0) throw new RemicInputException(errors);

        var values = Enumerable.Range(first, header.Length - first).Select(_ => new List<double>()).ToArray();
        var ended = new int[values.Length]; // the row where a column's blanks began, 0 = none yet
        var refused = new bool[values.Length]; // a cell of the column was refused (reported there: no second error for its emptiness)
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var line = lines[r];
            if (row.Length > header.Length)
                errors.Add(new InputError(path, line, "", string.Join(",", row), $"at most {header.Length} cells, one per header column"));
            if (monthColumn)
            {
                var m = row.Length > 0 ? row[0].Trim() : "";
                if (m != r.ToString(CultureInfo.InvariantCulture))
                    errors.Add(new InputError(path, line, header[0], m, $"month {r}: the rows count the months 1, 2, 3, … in order"));
            }
            for (var k = 0; k < values.Length; k++)
            {
                var c = first + k;
                var cell = c < row.Length ? row[c].Trim() : "";
                if (cell.Length == 0)
                {
                    if (ended[k] == 0) ended[k] = line;
                    continue;
                }
                if (ended[k] != 0)
                {
                    errors.Add(new InputError(path, ended[k], header[c], "", $"a level (percent) in every month up to the path's last; only the foot of a column may be blank (month {ended[k] - 1})"));
                    ended[k] = -1; // reported once
                    continue;
                }
                if (!FiniteNumber.TryParse(cell.TrimEnd('%'), out double v) || v < 0 || v > 100)
                {
                    errors.Add(new InputError(path, line, header[c], cell, "the index level in percent from 0 to 100, e.g. 5.32"));
                    refused[k] = true;
                }
                else values[k].Add(v);
            }
            if (errors.Count > 50) break;
        }
        for (var k = 0; k < values.Length; k++)
            if (values[k].Count == 0 && ended[k] >= 0 && !refused[k])
                errors.Add(new InputError(path, 2, header[first + k], null, "at least one level (percent) for the path"));
        if (errors.Count > 0) throw new RemicInputException(errors);
        return values.Select((v, k) => new GridIndexPath(header[first + k], v)).ToList();
    }
}
