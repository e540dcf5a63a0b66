using System.Globalization;
using Remic.Core;

namespace Remic.Analytics;

/// <summary>
/// Reads <see cref="BondCashFlows"/> from CSV (trustee actuals, another system's projection, a spreadsheet):
/// a header naming the columns <c>date, begin_balance, interest, principal, loss, end_balance, coupon</c> (any order;
/// <c>loss</c> and <c>coupon</c> optional, 0 when absent), one row per distribution date. Dates are YYYY-MM-DD,
/// amounts plain decimals, coupon in percent as statements print it (5.00 = 5%). Every problem is reported with its
/// line and column; rows must roll forward (begin − principal − loss = end, within a cent).
/// </summary>
public static class CashFlowCsv
{
    private static readonly string[] Required = ["date", "begin_balance", "interest", "principal", "end_balance"];
    private static readonly string[] Optional = ["loss", "coupon"];

    public static BondCashFlows Read(string path, DayCount dayCount, int paymentDelay, DateOnly datedDate, double? originalBalance = null)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path), dayCount, paymentDelay, datedDate, originalBalance);
    }

    /// <param name="originalBalance">Class balance at issuance; defaults to the first row's beginning balance.</param>
    public static BondCashFlows Parse(TextReader reader, string source, DayCount dayCount, int paymentDelay, DateOnly datedDate, double? originalBalance = null)
    {
        var errors = new List<InputError>();
        string? line;
        var lineNo = 0;
        Dictionary<string, int>? cols = null;
        var dates = new List<DateOnly>();
        List<double> begin = [], interest = [], principal = [], loss = [], end = [], coupon = [];
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            if (cols is null)
            {
                cols = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (var c = 0; c < cells.Length; c++)
                {
                    if (!Required.Contains(cells[c], StringComparer.OrdinalIgnoreCase) && !Optional.Contains(cells[c], StringComparer.OrdinalIgnoreCase))
                        errors.Add(new InputError(source, lineNo, $"column {c + 1}", cells[c], $"expected one of the columns {string.Join(", ", Required.Concat(Optional))}"));
                    else if (!cols.TryAdd(cells[c], c))
                        errors.Add(new InputError(source, lineNo, $"column {c + 1}", cells[c], "each column may appear once"));
                }
                foreach (var r in Required.Where(r => !cols.ContainsKey(r)))
                    errors.Add(new InputError(source, lineNo, r, null, $"the header needs the column '{r}'"));
                if (errors.Count > 0) throw new RemicInputException(errors);
                continue;
            }
            string Cell(string name) => cols.TryGetValue(name, out var c) && c < cells.Length ? cells[c] : "";
            double Num(string name, bool optional)
            {
                var text = Cell(name);
                if (optional && text.Length == 0) return 0;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
                errors.Add(new InputError(source, lineNo, name, text, "expected a number such as 1234.56"));
                return double.NaN;
            }
            if (cells.Length != cols.Count)
                errors.Add(new InputError(source, lineNo, "", line, $"expected {cols.Count} cells like the header, found {cells.Length}"));
            var dateText = Cell("date");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                errors.Add(new InputError(source, lineNo, "date", dateText, "expected a date as YYYY-MM-DD"));
            else if (dates.Count > 0 && date <= dates[^1])
                errors.Add(new InputError(source, lineNo, "date", dateText, $"expected a date after the previous row's {dates[^1]:yyyy-MM-dd}"));
            double b = Num("begin_balance", false), i = Num("interest", false), p = Num("principal", false),
                l = Num("loss", true), e = Num("end_balance", false), rate = Num("coupon", true);
            if (end.Count > 0 && Math.Abs(b - end[^1]) > 0.005)
                errors.Add(new InputError(source, lineNo, "begin_balance", Cell("begin_balance"),
                    $"expected the previous row's end_balance {end[^1]:F2}"));
            var gap = b - p - l - e;
            if (Math.Abs(gap) > 0.005)
                errors.Add(new InputError(source, lineNo, "end_balance", Cell("end_balance"),
                    $"expected begin_balance − principal − loss = {b - p - l:F2} (off by {gap:F2})"));
            dates.Add(date); begin.Add(b); interest.Add(i); principal.Add(p); loss.Add(l); end.Add(e); coupon.Add(rate / 100);
        }
        if (cols is null) errors.Add(new InputError(source, 0, "", null, "the file is empty; expected a header and one row per distribution date"));
        else if (dates.Count == 0 && errors.Count == 0) errors.Add(new InputError(source, lineNo, "", null, "expected at least one row of cash flows after the header"));
        if (errors.Count > 0) throw new RemicInputException(errors);
        return new BondCashFlows(dates, begin, interest, principal, loss, end, coupon, originalBalance ?? begin[0], dayCount, paymentDelay, datedDate);
    }
}
