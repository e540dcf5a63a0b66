using Remic.Core;
using Remic.Trustee.Distribution;

namespace Remic.Reports.Inputs;

/// <summary>A period close's index fixings as `trustee close` and the server take them: --libor 5.32, --index NAME=rate.</summary>
public static class CloseOptions
{
    public static PeriodMarket Market(string? libor, IEnumerable<string> indices)
    {
        var fix = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        if (libor is not null) fix["LIBOR_1MO"] = Percent(libor, "--libor", libor);
        foreach (var x in indices)
        {
            var eq = x.IndexOf('=');
            if (eq <= 0) throw new RemicInputException("--index", 0, "", x, "NAME=rate in percent, e.g. LIBOR_1MO=5.32");
            fix[x[..eq].Trim()] = Percent(x[(eq + 1)..], "--index", x);
        }
        return new PeriodMarket(fix);
    }

    private static decimal Percent(string text, string option, string whole) =>
        FiniteNumber.TryParse(text, out decimal v) && v >= 0 && v < 100 ? v / 100m
            : throw new RemicInputException(option, 0, "", whole, "a rate in percent from 0 to 100, e.g. 5.32");
}
