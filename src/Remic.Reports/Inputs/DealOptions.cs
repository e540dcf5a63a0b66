using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Reports.Book;

namespace Remic.Reports.Inputs;

/// <summary>Reads the options shared by <c>remic cm</c> and <c>remic price</c> on a deal file, collecting every error.</summary>
public static class DealOptions
{
    public static (Remic.Deals.Model.Deal Deal, DealBookTerms Terms) Read(string path, string? speedText, string? settleText, string[]? indexSpecs, string? rampText,
        string? pricingSpeedText = null)
    {
        var errors = new List<InputError>();
        var read = Read(path, speedText, settleText, indexSpecs, rampText, errors, pricingSpeedText);
        if (errors.Count > 0) throw new RemicInputException(errors);
        return read;
    }

    /// <summary>Adds every problem to <paramref name="errors"/>; the deal is returned whenever its file loads, so callers can check more against it.</summary>
    public static (Remic.Deals.Model.Deal Deal, DealBookTerms Terms) Read(string path, string? speedText, string? settleText, string[]? indexSpecs, string? rampText, List<InputError> errors,
        string? pricingSpeedText = null)
    {
        var d = DealLoader.Load(path); // a bad deal file is reported alone: the other checks need it
        return (d, Terms(d, speedText, settleText, indexSpecs, rampText, errors, pricingSpeedText));
    }

    /// <summary>The book's terms for a loaded deal; adds every problem to <paramref name="errors"/>.</summary>
    public static DealBookTerms Terms(Remic.Deals.Model.Deal d, string? speedText, string? settleText, string[]? indexSpecs, string? rampText, List<InputError> errors,
        string? pricingSpeedText = null)
    {
        T Try<T>(Func<T> read, T fallback)
        {
            try { return read(); }
            catch (RemicInputException e) { errors.AddRange(e.Errors); return fallback; }
        }
        PpcRamp? given = rampText is null ? null : Try<PpcRamp?>(() => PpcRamp.Parse(rampText), null);
        var ramp = DealBook.Ramp(d, given);
        var speeds = speedText is null ? null : Try(() => SpeedList.Parse(speedText, ramp), null);
        DateOnly? settle = settleText is null ? null : Try<DateOnly?>(() => CliValues.Date(settleText, "--settle", default), null);
        if (settle is not null) Try(() => DealBook.Settlement(d, settle), default);
        var indices = Try(() => IndexOptions.Read(indexSpecs ?? []), new Dictionary<string, MonthlyVector>());
        var known = DealBook.IndexNames(d);
        foreach (var name in indices.Keys.Where(n => !known.Contains(n, StringComparer.OrdinalIgnoreCase)))
            errors.Add(new InputError("--index", 0, "", name, known.Count == 0
                ? "the deal uses no index (no floater, corridor or ARM)"
                : $"an index the deal uses ({string.Join(", ", known)})"));
        var pricing = pricingSpeedText is null ? null : Try<Speed?>(() => Speed.Prepay(pricingSpeedText, ramp, "--pricing-speed"), null);
        return new DealBookTerms { Speeds = speeds, Settlement = settle, Indices = indices, Ramp = given, PricingSpeed = pricing };
    }

    /// <summary>"3,082 loans in 4 rep lines" for rep lines (as the trustee registers them: <see cref="Remic.Trustee.Registry.DealFile.LoansOf"/>), "1,000 loans" for a tape.</summary>
    public static string LoanText(Remic.Deals.Model.Deal d)
    {
        var lines = d.Groups.Where(g => g.TapePath is null).Sum(g => g.Loans.Count);
        var loans = d.Groups.Sum(g => g.TapePath is null ? g.Loans.Sum(l => (long)Remic.Trustee.Registry.DealFile.LoansOf(l)) : g.Loans.Count);
        return lines == 0 ? $"{loans:N0} loans" : $"{loans:N0} loans in {lines} rep line{(lines == 1 ? "" : "s")}";
    }
}
