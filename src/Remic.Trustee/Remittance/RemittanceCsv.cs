using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using Remic.Core;
using C = Remic.Trustee.Remittance.RemittanceColumns;

namespace Remic.Trustee.Remittance;

/// <summary>
/// Reads a servicer remittance CSV into rows, collecting every format problem (not only the first).
/// Ledger checks (known loans, roll-forward against the ledger, period order) are <see cref="RemittanceValidator"/>'s.
/// </summary>
public static partial class RemittanceCsv
{
    public const string AmountExpected = "an amount in dollars with at most 2 decimals, e.g. 1234.56 (no sign, no commas)";

    /// <summary>Most digits before the decimal point: amounts stay below 10¹³ dollars, far inside 64-bit cents and decimal's 28 digits.</summary>
    public const int MaxWholeDigits = 13;

    public const string AmountTooLarge = "an amount below 10,000,000,000,000.00 (at most 13 digits before the point)";

    [GeneratedRegex(@"^\d+(\.\d{1,2})?$")]
    private static partial Regex AmountPattern();

    public static (IReadOnlyList<RemittanceRow> Rows, IReadOnlyList<InputError> Errors) Parse(string fileName, string content)
    {
        var rows = new List<RemittanceRow>();
        var errors = new List<InputError>();
        var options = new CsvReaderOptions
        {
            Separator = ',', HasHeader = true, SkipEmptyLines = true, TrimWhitespace = true,
            TrackLineNumbers = true, AllowLineBreaksInQuotes = false,
        };
        // A byte-order mark (Excel's "CSV UTF-8") is not part of the first column's name.
        using var csv = CsvReader.Create(System.Text.Encoding.UTF8.GetBytes(content.TrimStart('\uFEFF')), options);
        var header = csv.Headers.Select(h => h.Trim()).ToArray();
        if (header.Length == 0 || header.All(h => h.Length == 0))
        {
            errors.Add(new(fileName, 1, "", null, "a header line: " + string.Join(",", C.Basic)));
            return (rows, errors);
        }
        if (!CheckHeader(fileName, header, errors)) return (rows, errors);

        var index = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        var present = new HashSet<string>(header, StringComparer.Ordinal);
        var values = new string[header.Length];
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (csv.FieldCount != header.Length)
            {
                errors.Add(new(fileName, line, "", $"{csv.FieldCount} fields", $"{header.Length} fields, one per header column"));
                continue;
            }
            for (var i = 0; i < values.Length; i++) values[i] = CsvCell.Read(csv.GetString(i) ?? "");
            var row = ParseRow(fileName, line, col => index.TryGetValue(col, out var i) ? values[i] : "", present, errors);
            if (row is not null) rows.Add(row);
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new(fileName, 0, "", null, "at least one loan row after the header"));
        return (rows, errors);
    }

    private static int LeadingZeros(string s)
    {
        var n = 0;
        while (n < s.Length - 1 && s[n] == '0' && s[n + 1] != '.') n++;
        return n;
    }

    private static bool CheckHeader(string file, string[] header, List<InputError> errors)
    {
        var before = errors.Count;
        foreach (var dup in header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add(new(file, 1, dup.Key, dup.Key, "each column once in the header"));
        foreach (var h in header.Where(h => !C.All.Contains(h)))
            errors.Add(new(file, 1, h, h, "a known column: " + string.Join(", ", C.All)));
        foreach (var missing in C.Required.Where(r => !header.Contains(r)))
            errors.Add(new(file, 1, missing, null, "the column in the header"));
        return errors.Count == before;
    }

    private static RemittanceRow? ParseRow(string file, int line, Func<string, string> Get, IReadOnlySet<string> present, List<InputError> errors)
    {
        var before = errors.Count;

        decimal Amount(string col)
        {
            var s = Get(col);
            if (AmountPattern().IsMatch(s))
            {
                var point = s.IndexOf('.');
                if ((point < 0 ? s.Length : point) - LeadingZeros(s) <= MaxWholeDigits)
                    return decimal.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                errors.Add(new(file, line, col, s, AmountTooLarge));
                return 0m;
            }
            errors.Add(new(file, line, col, s, AmountExpected));
            return 0m;
        }

        var loanId = Get(C.LoanId);
        if (loanId.Length == 0) errors.Add(new(file, line, C.LoanId, "", "a loan id"));

        var periodText = Get(C.Period);
        if (!Period.TryParse(periodText, out var period) || !Regex.IsMatch(periodText, @"^\d{4}-\d{2}$"))
            errors.Add(new(file, line, C.Period, periodText, "a month as YYYY-MM, e.g. 2004-05"));

        var priorText = Get(C.PriorBalance);
        decimal? prior = priorText.Length == 0 ? null : Amount(C.PriorBalance);

        var scheduled = Amount(C.ScheduledPrincipal);
        var curtailment = Amount(C.Curtailment);
        var payoff = Amount(C.Payoff);

        var paidThroughText = Get(C.PaidThroughDate);
        DateOnly? paidThrough = null;
        if (paidThroughText.Length > 0)
        {
            if (DateOnly.TryParseExact(paidThroughText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) paidThrough = d;
            else errors.Add(new(file, line, C.PaidThroughDate, paidThroughText, "a date as YYYY-MM-DD, or empty"));
        }

        var interest = Amount(C.InterestCollected);
        var fee = Amount(C.ServicingFee);
        var pAdv = Amount(C.PrincipalAdvance);
        var iAdv = Amount(C.InterestAdvance);
        var liquidation = Amount(C.LiquidationProceeds);
        var loss = Amount(C.RealizedLoss);
        var ending = Amount(C.EndingBalance);

        var statusText = Get(C.Delinquency);
        if (!DelinquencyCodes.TryParse(statusText, out var status))
            errors.Add(new(file, line, C.Delinquency, statusText, DelinquencyCodes.Expected));

        var modText = Get(C.Modified);
        var modified = modText is "Y" or "y";
        if (modText is not ("Y" or "y" or "N" or "n"))
            errors.Add(new(file, line, C.Modified, modText, "Y or N"));

        // Optional columns: a column the file leaves out (or an empty cell) is 0; an empty prepayment_interest_shortfall is "derive it".
        decimal Optional(string col) => present.Contains(col) && Get(col).Length > 0 ? Amount(col) : 0m;
        var compensating = Optional(C.CompensatingInterest);
        decimal? ppis = present.Contains(C.PrepaymentInterestShortfall) && Get(C.PrepaymentInterestShortfall).Length > 0 ? Amount(C.PrepaymentInterestShortfall) : null;
        var relief = Optional(C.ReliefActShortfall);
        var recovery = Optional(C.SubsequentRecovery);
        var (modRate, modTerm) = ModificationTerms(file, line, Get, modified || modText is not ("N" or "n"), errors);

        if (errors.Count > before) return null;
        return new RemittanceRow(line, loanId, period, prior, scheduled, curtailment, payoff, paidThrough, interest, fee,
            pAdv, iAdv, liquidation, loss, ending, status, modified, compensating, ppis, relief, recovery, modRate, modTerm);
    }

    /// <summary>A modification's new note rate (percent, 0–25, at most 6 decimals) and remaining term (1–600 months): only on a modified loan.</summary>
    private static (decimal? Rate, int? Term) ModificationTerms(string file, int line, Func<string, string> Get, bool modified, List<InputError> errors)
    {
        decimal? rate = null;
        int? term = null;
        var rateText = Get(C.ModifiedRate);
        if (rateText.Length > 0)
        {
            if (decimal.TryParse(rateText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var r) && r <= 25m && decimal.Round(r, 6) == r) rate = r;
            else errors.Add(new(file, line, C.ModifiedRate, rateText, "the modified note rate in percent, 0 to 25 with at most 6 decimals (e.g. 4.5), or empty"));
        }
        var termText = Get(C.ModifiedTerm);
        if (termText.Length > 0)
        {
            if (int.TryParse(termText, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t is >= 1 and <= 600) term = t;
            else errors.Add(new(file, line, C.ModifiedTerm, termText, "the modified remaining term in months, 1 to 600, or empty"));
        }
        if ((rate is not null || term is not null) && !modified)
            errors.Add(new(file, line, C.Modified, Get(C.Modified), "Y on a row that gives modification terms (modified_rate, modified_term)"));
        return (rate, term);
    }
}
