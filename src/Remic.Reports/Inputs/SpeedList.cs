using Remic.Collateral;

namespace Remic.Reports.Inputs;

/// <summary>
/// A list of prepayment speeds on the command line. "0,50,100 PPC": comma-separated values, a unit written once
/// applies to every value without one ("0 PPC, 50 PPC, 100 PPC"; "0,25 CPR,100 PSA" mixes units). Speeds that are
/// themselves vectors are separated by semicolons: "100 PPC; 5 CPR for 12, then 20 CPR". The grammar lives in
/// Remic.Collateral (<see cref="SpeedListText"/>) so the grid's axes share it.
/// </summary>
public static class SpeedList
{
    public const string Expected = SpeedListText.Expected;

    public static IReadOnlyList<Speed> Parse(string text, PpcRamp ramp, string option = "--speeds") => SpeedListText.Parse(text, ramp, option);
}
