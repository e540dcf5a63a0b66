using Remic.Collateral;
using Remic.Core;

namespace Remic.Reports.Inputs;

/// <summary>Index levels as the <c>--index</c> option of collateral, price and cm writes them.</summary>
public static class IndexOptions
{
    /// <summary>NAME=rate (percent) or NAME=r1,r2,... by month, each index once.</summary>
    public static Dictionary<string, MonthlyVector> Read(string[] specs)
    {
        var map = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in specs)
        {
            const string expected = "NAME=rate in percent, or NAME=r1,r2,... by month (e.g. LIBOR_6MO=1.85)";
            var eq = spec.IndexOf('=');
            if (eq <= 0) throw new RemicInputException("--index", 0, "", spec, expected);
            var name = spec[..eq].Trim();
            var rates = spec[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries)
                .Select(r => CliValues.Number(r, "--index", -5, 50, expected) / 100).ToList();
            if (!map.TryAdd(name, new MonthlyVector(rates)))
                throw new RemicInputException("--index", 0, "", spec, $"each index once; {name} is given twice");
        }
        return map;
    }
}
