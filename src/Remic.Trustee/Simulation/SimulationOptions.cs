using Remic.Collateral;
using Remic.Core;

namespace Remic.Trustee.Simulation;

/// <summary>
/// `remic trustee simulate` inputs: speeds the pool follows in expectation, loss severity (fraction), months
/// from default to liquidation, the monthly chance (fraction) a performing loan misses a payment, and the seed.
/// </summary>
public sealed record SimulationOptions(int Months, Speed Prepay, Speed Default, decimal Severity, int Lag, decimal Delinquency, int Seed)
{
    public void Validate()
    {
        var errors = new List<InputError>();
        if (Months is < 1 or > 480) errors.Add(new("--months", 0, "", Months.ToString(), "a number of months from 1 to 480"));
        if (Severity is < 0 or > 1) errors.Add(new("--severity", 0, "", (Severity * 100).ToString("0.##"), "a loss severity percent from 0 to 100"));
        if (Lag is < 0 or > 60) errors.Add(new("--lag", 0, "", Lag.ToString(), "months from default to liquidation, 0 to 60"));
        if (Delinquency is < 0 or > 1) errors.Add(new("--delinquency", 0, "", (Delinquency * 100).ToString("0.##"), "a monthly percent from 0 to 100"));
        if (errors.Count > 0) throw new RemicInputException(errors);
    }
}
