using CsvHelper;
using Remic.Core;

namespace Remic.Collateral.Tape;

/// <summary>
/// Reads a loan-level tape (UTF-8 CSV, comma-separated, header row, optional '#' comment lines) into
/// loans. Every field is checked; all problems are reported together (up to <see cref="TapeErrors.Cap"/>)
/// in one <see cref="RemicInputException"/> naming file, line, column, value and what was expected.
/// Column meanings and units: <see cref="TapeColumns"/> and docs/collateral.md.
/// </summary>
public static class TapeReader
{
    /// <summary>Errors reported at most; past this the rest are usually the same mistake repeated.</summary>
    public const int MaxErrors = TapeErrors.Cap;

    /// <summary>How far age + remaining_term may fall short of / exceed original_term (deal-file rep lines follow the same rule).</summary>
    public const int TermShortfallAllowed = TapeRow.TermShortfallAllowed, TermExcessAllowed = TapeRow.TermExcessAllowed;

    /// <summary>Reads a tape file: a regular file within <see cref="FileLimits.Tape"/> (<see cref="UserFile"/>).</summary>
    public static IReadOnlyList<Loan> ReadFile(string path) => Read(UserFile.ReadBytes(path, FileLimits.Tape), path);

    public static IReadOnlyList<Loan> Read(string text, string source) => Read(System.Text.Encoding.UTF8.GetBytes(text), source);

    /// <param name="source">The file name errors will carry.</param>
    public static IReadOnlyList<Loan> Read(byte[] content, string source)
    {
        var errors = new TapeErrors(source);
        var (bytes, headerLine) = TapeContent.Check(content, errors);
        var options = new CsvReaderOptions
        {
            Separator = ',', HasHeader = true, CommentPrefix = '#', SkipEmptyLines = true, TrimWhitespace = true,
            TrackLineNumbers = true, AllowLineBreaksInQuotes = false, MaxRecordSize = TapeContent.MaxLineLength * 4,
        };
        using var csv = CsvReader.Create(bytes, options);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var columns = ReadHeader(header, headerLine, errors);

        var loans = new List<Loan>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        while (!errors.Full && csv.Read())
        {
            rows++;
            var line = (int)csv.LineNumber;
            if (csv.FieldCount != header.Length)
            {
                errors.Add(line, "", $"{csv.FieldCount} fields",
                    $"one field per header column ({header.Length}); " +
                    (csv.FieldCount > header.Length ? "is there an unquoted comma inside a value?" : "is the row cut short?"));
                continue;
            }
            var values = new string[header.Length];
            for (var i = 0; i < values.Length; i++) values[i] = CsvCell.Read(csv.GetString(i) ?? "");
            string? Field(string name) => columns.TryGetValue(name, out var i) ? values[i] : null;

            var loan = new TapeRow(errors, line, Field).Read();
            var id = Field(TapeColumns.LoanId);
            if (id is { Length: > 0 })
            {
                if (seen.TryGetValue(id, out var first))
                    errors.Add(line, TapeColumns.LoanId, id, $"a unique loan id; '{id}' is already used on line {first}");
                else seen[id] = line;
            }
            if (loan is not null) loans.Add(loan);
        }
        if (rows == 0 && !errors.Any)
            throw errors.Fatal(headerLine, "", null, "the file has a header but no loan rows");
        errors.ThrowIfAny();
        return loans;
    }

    /// <summary>Column positions by name; a header with missing, unknown or repeated columns cannot be read past.</summary>
    private static Dictionary<string, int> ReadHeader(string[] header, int line, TapeErrors errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        // A file with none of the tape's columns is not a tape: say so without quoting it (it may be any file on the machine).
        if (!header.Any(TapeColumns.All.Contains))
            throw errors.Fatal(line, "", null, $"a loan tape: a header row naming tape columns ({string.Join(", ", TapeColumns.Required.Take(3))}, ...); this file's first line names none of them");
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (name.Length == 0)
                errors.Add(line, $"column {i + 1}", "", "a column name; this header cell is blank (a trailing comma?)");
            else if (!TapeColumns.All.Contains(name))
                errors.Add(line, name, name, $"a known column name; the tape columns are {string.Join(", ", TapeColumns.All)}");
            else if (!columns.TryAdd(name, i))
                errors.Add(line, name, name, "each column once; this column appears twice in the header");
        }
        foreach (var required in TapeColumns.Required)
            if (!columns.ContainsKey(required))
                errors.Add(line, required, null, "this required column is missing from the header");
        errors.ThrowIfAny();
        return columns;
    }
}
