using System.Globalization;
using System.Text;
using Remic.Core;

namespace Remic.Collateral.Tape;

/// <summary>Writes loans as a tape that <see cref="TapeReader"/> reads back to the same loans (percent columns, ARM columns only when some loan is an ARM).</summary>
public static class TapeWriter
{
    public static string ToCsv(IEnumerable<Loan> loans, IEnumerable<string>? commentLines = null)
    {
        var list = loans.ToList();
        var withArm = list.Any(l => l.Arm is not null);
        var columns = new List<string>(TapeColumns.Required) { TapeColumns.OtherFees };
        if (withArm) columns.AddRange(TapeColumns.Arm);

        var sb = new StringBuilder();
        foreach (var c in commentLines ?? []) sb.Append("# ").Append(c).Append('\n');
        sb.Append(string.Join(",", columns)).Append('\n');
        foreach (var l in list)
        {
            var a = l.Arm;
            string[] fields =
            [
                CsvCell.Format(l.Id), CsvCell.Format(l.Group), Money(l.Balance), Money(l.OriginalBalance ?? l.Balance), Pct(l.GrossRate),
                Pct(l.ServicingFee), Int(l.OriginalTerm), Int(l.RemainingTerm), Int(l.Age), Int(l.IoTerm), Int(l.BalloonTerm),
                l.Fico is { } f ? Int(f) : "", l.OriginalLtv is { } ltv ? Pct(ltv) : "", l.State ?? "", l.PropertyType ?? "",
                l.Occupancy ?? "", l.Purpose ?? "", l.Documentation ?? "", Pct(l.OtherFees),
            ];
            sb.Append(string.Join(",", fields));
            if (withArm)
            {
                string[] arm = a is null ? ["", "", "", "", "", "", "", ""] :
                    [a.Index, Pct(a.Margin), Int(a.FirstResetAge), Int(a.ResetFrequency), Pct(a.InitialCap), Pct(a.PeriodicCap), Pct(a.LifetimeCap), Pct(a.LifetimeFloor)];
                sb.Append(',').Append(string.Join(",", arm));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    // Through decimal: 15 significant digits give back the text the reader parsed.
    private static string Money(double x) => ((decimal)x).ToString("0.00", CultureInfo.InvariantCulture);
    private static string Pct(double fraction) => ((decimal)fraction * 100m).ToString("0.##########", CultureInfo.InvariantCulture);
    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
}
