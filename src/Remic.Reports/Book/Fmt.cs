using System.Globalization;
using Remic.Core;

namespace Remic.Reports.Book;

/// <summary>How the book prints numbers (invariant culture; money rounded to the cent at this last step only).</summary>
internal static class Fmt
{
    public static string Money(double x) => Remic.Core.Money.ToCents(x).ToString("#,##0.00", CultureInfo.InvariantCulture);
    public static string Cents(decimal x) => x.ToString("#,##0.00", CultureInfo.InvariantCulture);
    public static string Num(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);
    public static string Pct(double percent, int decimals = 3) => percent.ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture);
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string DayCountText(DayCount dc) => DayCounts.Format(dc);
}
