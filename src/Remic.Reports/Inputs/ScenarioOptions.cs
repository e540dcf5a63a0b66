using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Reports.Book;

namespace Remic.Reports.Inputs;

/// <summary>
/// A run's scenario as `remic run` and the server's run endpoint take it: speeds, severity, lag, advancing and index paths
/// written as users write them ("100 PPC", "2 CDR", "30,35,40", "LIBOR_1MO=5.32"), checked with the option's name in each error.
/// </summary>
public static class ScenarioOptions
{
    /// <summary>The scenario of a run of <paramref name="d"/>; <paramref name="indexFiles"/> false refuses an --index CSV file path (the server reads no file a request names).</summary>
    public static Scenario Build(Remic.Deals.Model.Deal d, string prepay, string dflt, string severity, string? lag, string? ramp, string? advance, string[] index,
        bool indexFiles = true) => new()
    {
        Prepay = Speed.Prepay(prepay, ramp is { } r ? PpcRamp.Parse(r) : DealBook.Ramp(d)),
        Default = Speed.Default(dflt),
        Severity = Percents(severity, "--severity"),
        RecoveryLag = CliValues.Whole(lag, "--lag", 0, Domains.MaxLagMonths, $"expected a whole number of months from 0 to {Domains.MaxLagMonths}", 0),
        Advance = advance is { } a ? AdvancingConventions.Parse(a, "--advance") : null,
        Indices = DealBook.AssumedIndices(d, GivenIndices(d, index, indexFiles)),
    };

    /// <summary>The --class names as the deal spells them (any case; an unknown name is an error with the closest names).</summary>
    public static string[] ClassNames(Remic.Deals.Model.Deal deal, string[] typed)
    {
        var names = deal.Classes.Select(c => c.Name).ToList();
        var errors = new List<InputError>();
        var resolved = new List<string>();
        foreach (var t in typed)
        {
            if (NameMatch.TryResolve(t, names, out var n)) resolved.Add(n);
            else errors.Add(NameMatch.Error(t, names, "--class", "a class of the deal"));
        }
        return errors.Count > 0 ? throw new RemicInputException(errors) : resolved.ToArray();
    }

    /// <summary>Percents from 0 to 100, one or a comma-separated monthly vector; finite only (NaN and ∞ are refused).</summary>
    public static MonthlyVector Percents(string text, string option)
    {
        const string expected = "expected a percent from 0 to 100, or a comma-separated monthly vector of them";
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > Domains.MaxVectorMonths)
            throw new RemicInputException(option, 0, "", text, $"{expected} (at most {Domains.MaxVectorMonths} months)");
        var values = new List<double>();
        foreach (var part in parts) values.Add(FiniteNumber.Parse(part.TrimEnd('%'), option, 0, 100, expected) / 100);
        if (values.Count == 0) throw new RemicInputException(option, 0, "", text, "expected a percent from 0 to 100");
        return new MonthlyVector(values);
    }

    /// <summary>The --index paths, each for an index the deal uses.</summary>
    public static IReadOnlyDictionary<string, MonthlyVector> GivenIndices(Remic.Deals.Model.Deal deal, string[] args, bool files = true)
    {
        var given = Indices(args, files);
        DealIndices.CheckFixings(deal, given.Keys, "--index");
        return given;
    }

    /// <summary>--index NAME=5.32 | NAME=5.32,5.40 | file.csv (header: period or month, then one column per index, percents).</summary>
    public static IReadOnlyDictionary<string, MonthlyVector> Indices(string[] args, bool files = true)
    {
        var result = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase);
        foreach (var arg in args)
        {
            var eq = arg.IndexOf('=');
            if (eq > 0)
            {
                result[arg[..eq].Trim()] = Percents(arg[(eq + 1)..], $"--index {arg[..eq].Trim()}");
                continue;
            }
            if (!files)
                throw new RemicInputException("--index", 0, "", arg, "expected NAME=percent (e.g. LIBOR_1MO=5.32) or NAME=a,b,c");
            if (FileKinds.Of(arg) == FileKind.Missing)
                throw new RemicInputException("--index", 0, "", arg, "expected NAME=percent (e.g. LIBOR_1MO=5.32), NAME=a,b,c, or an existing CSV file of index vectors");
            var lines = UserFile.ReadText(arg, FileLimits.IndexFile).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToArray();
            var header = lines.Length > 0 ? lines[0].Split(',', StringSplitOptions.TrimEntries) : [];
            if (header.Length < 2)
                throw new RemicInputException(arg, 1, "", lines.FirstOrDefault(), "expected a header: period, then one column per index name");
            var cols = header.Skip(1).Select(_ => new List<double>()).ToArray();
            for (var i = 1; i < lines.Length; i++)
            {
                var cells = lines[i].Split(',', StringSplitOptions.TrimEntries);
                for (var k = 1; k < header.Length; k++)
                {
                    if (k >= cells.Length || !FiniteNumber.TryParse(cells[k], out double v) || v < 0 || v > 100)
                        throw new RemicInputException(arg, i + 1, header[k], k < cells.Length ? cells[k] : null, "expected the index in percent from 0 to 100, e.g. 5.32");
                    cols[k - 1].Add(v / 100);
                }
            }
            if (lines.Length < 2) throw new RemicInputException(arg, 0, "", null, "expected at least one row of index values");
            for (var k = 1; k < header.Length; k++) result[header[k]] = new MonthlyVector(cols[k - 1]);
        }
        return result;
    }
}
