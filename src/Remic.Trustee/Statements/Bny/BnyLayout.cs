using System.Text;
using Remic.Deals.Model;
using Remic.Trustee.Remittance;
using static Remic.Trustee.Statements.Bny.BnyText;

namespace Remic.Trustee.Statements.Bny;

/// <summary>
/// The monthly statement in the Bank of New York's layout for CWALT trusts (the Exhibit 99.1 to Form 10-D it filed for them in
/// 2006–2008): Certificateholder Monthly Distribution Summary (Class, Cusip, Class Description, Certificate Rate Type, Beginning
/// Balance, Pass Through Rate, Principal, Interest and Total Distribution, Current Realized Losses, Ending Balance, Cumulative
/// Realized Losses, Totals), Principal Distribution Detail, Interest Distribution Detail, Current Payment Information (factors per
/// $1,000), Collateral Detail, Delinquency Information, Realized Loss Detail and Credit Enhancements. The figures are the
/// statement's (what the close recorded); only the arrangement is the trustee's. Plain ASCII.
/// </summary>
public static class BnyLayout
{
    /// <summary>The class description the trustee prints: the deal file's <c>description</c>, else one from the class type.</summary>
    public static string Description(ClassSpec k) => k.Description ?? (
        k.Is(ClassType.Residual) ? "Residual" :
        k.Is(ClassType.Po) ? "Strip PO" :
        k.IsNotional ? "Strip IO" :
        k.Is(ClassType.Subordinate) ? "Subordinate" :
        "Senior");

    /// <summary>The certificate rate type: Fix- or Var- (a floating, inverse or strip coupon) and the day count.</summary>
    public static string RateType(ClassSpec k) =>
        (k.Coupon is FixedCoupon or NoCoupon ? "Fix-" : "Var-") + (k.DayCount == Remic.Core.DayCount.Thirty360 ? "30/360" : "Act/360");

    public static string Render(Statement s, Deal deal) => string.Concat(Pages(s, deal));

    /// <summary>
    /// The statement as its pages, one section a page (the header opens the first); concatenated they are <see cref="Render"/>.
    /// Given a <paramref name="pageWidth"/> (e.g. 80 for an EDGAR exhibit), tables and the collateral pages are split into blocks
    /// of at most that many columns; the header lines are as long as the deal's names.
    /// </summary>
    public static IReadOnlyList<string> Pages(Statement s, Deal deal, int? pageWidth = null)
    {
        var specs = deal.Classes.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var w = pageWidth ?? PageWidth;
        var pages = new List<string>();
        void Page(Action<StringBuilder> write) { var sb = new StringBuilder(); write(sb); pages.Add(sb.ToString()); }
        Page(sb => { Header(sb, s, deal); Summary(sb, s, specs, w); });
        Page(sb => PrincipalDetail(sb, s, specs, w));
        Page(sb => InterestDetail(sb, s, w));
        Page(sb => Factors(sb, s, specs, w));
        Page(sb => Collateral(sb, s, pageWidth));
        Page(sb => Delinquency(sb, s, pageWidth));
        Page(sb => Losses(sb, s, pageWidth));
        Page(sb => CreditEnhancement(sb, s, deal, pageWidth));
        return pages;
    }

    private static void Header(StringBuilder sb, Statement s, Deal deal)
    {
        var md = deal.Metadata;
        sb.Append((md.Trustee is { Length: > 0 } t ? t : "Trustee").ToUpperInvariant()).Append('\n');
        if (md.Depositor is { Length: > 0 } d) sb.Append(d).Append('\n');
        sb.Append(s.TrustName).Append('\n');
        sb.Append("Mortgage Pass-Through Certificates, Series ").Append(md.Series.Length > 0 ? md.Series : s.DealId).Append('\n');
        sb.Append("Distribution Date: ").Append(s.DistributionDate.ToString("MM/dd/yy", F)).Append('\n');
    }

    private static string Cusip(ClassLine k) => k.Cusip ?? "";

    private static void Summary(StringBuilder sb, Statement s, IReadOnlyDictionary<string, ClassSpec> specs, int w)
    {
        Title(sb, "Certificateholder Monthly Distribution Summary");
        Column[] cols =
        [
            new("\n\nClass", 10, true), new("\n\nCusip", 9, true), new("\nClass\nDescription", 12, true), new("Certificate\nRate\nType", 11, true),
            new("\nBeginning\nBalance", 17), new("Pass\nThrough\nRate (%)", 10), new("\nPrincipal\nDistribution", 15),
            new("\nInterest\nDistribution", 14), new("\nTotal\nDistribution", 15), new("Current\nRealized\nLosses", 13),
            new("\nEnding\nBalance", 17), new("Cumulative\nRealized\nLosses", 13),
        ];
        var rows = s.Classes.Select(k => (IReadOnlyList<string>)[k.Name, Cusip(k), specs.TryGetValue(k.Name, out var c) ? Description(c) : "",
            specs.TryGetValue(k.Name, out var c2) ? RateType(c2) : "", Money(k.BeginningBalance), Rate(k.PassThroughRate), Money(k.Principal),
            Money(k.Interest), Money(k.Principal + k.Interest), Money(k.RealizedLoss), Money(k.EndingBalance), Money(k.CumulativeRealizedLoss)]).ToList();
        var t = s.ClassTotals;
        rows.Add(["Totals", "", "", "", Money(t.BeginningBalance), "", Money(t.Principal), Money(t.Interest), Money(t.Principal + t.Interest),
            Money(t.RealizedLoss), Money(t.EndingBalance), Money(s.Classes.Where(k => !k.Notional).Sum(k => k.CumulativeRealizedLoss))]);
        Table(sb, cols, rows, w);
    }

    private static void PrincipalDetail(StringBuilder sb, Statement s, IReadOnlyDictionary<string, ClassSpec> specs, int w)
    {
        Title(sb, "Principal Distribution Detail");
        Column[] cols =
        [
            new("\n\nClass", 10, true), new("\n\nCusip", 9, true), new("Original\nCertificate\nBalance", 17), new("Beginning\nCertificate\nBalance", 17),
            new("Scheduled\nPrincipal\nDistribution", 15), new("\nAccretion\nPrincipal", 13), new("Net\nPrincipal\nDistribution", 15),
            new("Current\nRealized\nLosses", 13), new("Ending\nCertificate\nBalance", 17), new("Ending\nCertificate\nFactor", 13),
        ];
        var rows = s.Classes.Select(k => (IReadOnlyList<string>)[k.Name, Cusip(k), Money(k.OriginalBalance), Money(k.BeginningBalance),
            Money(k.Principal), Money(k.Accretion), Money(k.Principal - k.Accretion), Money(k.RealizedLoss), Money(k.EndingBalance),
            Factor(k.OriginalBalance == 0 ? 0 : Math.Round(k.EndingBalance / k.OriginalBalance, 9, MidpointRounding.AwayFromZero))]).ToList();
        var money = s.Classes.Where(k => !k.Notional).ToArray();
        rows.Add(["Totals", "", Money(money.Sum(k => k.OriginalBalance)), Money(money.Sum(k => k.BeginningBalance)), Money(money.Sum(k => k.Principal)),
            Money(money.Sum(k => k.Accretion)), Money(money.Sum(k => k.Principal - k.Accretion)), Money(money.Sum(k => k.RealizedLoss)),
            Money(money.Sum(k => k.EndingBalance)), ""]);
        Table(sb, cols, rows, w);
    }

    private static void InterestDetail(StringBuilder sb, Statement s, int w)
    {
        Title(sb, "Interest Distribution Detail");
        Column[] cols =
        [
            new("\n\nClass", 10, true), new("Beginning\nCertificate\nBalance", 17), new("Pass\nThrough\nRate (%)", 10), new("Effective\nCoupon (%)", 10),
            new("\nCurrent\nInterest", 14), new("Total\nInterest\nDue", 14), new("Net\nInterest\nShortfall", 12),
            new("Interest\nCarryforward\nAmount", 13), new("\nInterest\nPaid", 14),
        ];
        var rows = s.Classes.Select(k =>
        {
            var due = k.Interest + k.InterestShortfall + k.UnpaidInterest;
            var effective = k.BeginningBalance == 0 ? 0m : Math.Round(k.Interest * 12m / k.BeginningBalance, 8);
            return (IReadOnlyList<string>)[k.Name, Money(k.BeginningBalance), Rate(k.PassThroughRate), Rate(effective),
                Money(k.Interest + k.InterestShortfall), Money(due), Money(k.InterestShortfall), Money(k.UnpaidInterest), Money(k.Interest)];
        }).ToList();
        rows.Add(["Totals", Money(s.ClassTotals.BeginningBalance), "", "", Money(s.Classes.Sum(k => k.Interest + k.InterestShortfall)),
            Money(s.Classes.Sum(k => k.Interest + k.InterestShortfall + k.UnpaidInterest)), Money(s.ClassTotals.InterestShortfall),
            Money(s.ClassTotals.UnpaidInterest), Money(s.ClassTotals.Interest)]);
        Table(sb, cols, rows, w);
    }

    private static void Factors(StringBuilder sb, Statement s, IReadOnlyDictionary<string, ClassSpec> specs, int w)
    {
        Title(sb, "Current Payment Information\nFactors per $1,000");
        Column[] cols =
        [
            new("\n\nClass", 10, true), new("\n\nCusip", 9, true), new("Original\nCertificate\nBalance", 17), new("Beginning\nCertificate\nFactor", 14),
            new("\nPrincipal\nDistribution", 14), new("\nInterest\nDistribution", 14), new("Ending\nCertificate\nFactor", 14), new("Pass\nThrough\nRate (%)", 10),
        ];
        var rows = s.Classes.Select(k => (IReadOnlyList<string>)[k.Name, Cusip(k), Money(k.OriginalBalance),
            Per1000(StatementBuilder.Per1000(k.BeginningBalance, k.OriginalBalance)), Per1000(k.PrincipalPer1000), Per1000(k.InterestPer1000),
            Per1000(k.EndingPer1000), Rate(k.PassThroughRate)]).ToList();
        Table(sb, cols, rows, w);
    }

    private static void Collateral(StringBuilder sb, Statement s, int? w)
    {
        Title(sb, "Collateral Detail");
        var g = s.Groups;
        IReadOnlyList<string> V(Func<GroupLine, string> f) => g.Select(f).ToArray();
        IReadOnlyList<string> Mv(Func<GroupLine, decimal> f) => g.Select(x => Money(f(x))).ToArray();
        static decimal Smm(GroupLine x)
        {
            var basis = x.BeginningBalance - x.ScheduledPrincipal;
            return basis <= 0 ? 0m : (x.PrepaymentsInFull + x.Curtailments) / basis;
        }
        static string Pct(decimal x) => (x * 100m).ToString("0.00000", F) + "%";
        Pairs(sb, g.Select(x => "Group " + x.Group).ToArray(),
        [
            ("Current Mortgage Loan Details", V(_ => "")),
            ("Beginning Aggregate Loan Count", V(x => x.BeginningLoanCount.ToString(F))),
            ("Loans Paid Off or otherwise removed pursuant to the PSA", V(x => (x.BeginningLoanCount - x.LoanCount).ToString(F))),
            ("Ending Aggregate Loan Count", V(x => x.LoanCount.ToString(F))),
            ("Beginning Pool Stated Principal Balance", Mv(x => x.BeginningBalance)),
            ("Scheduled Principal", Mv(x => x.ScheduledPrincipal)),
            ("Unscheduled Principal", Mv(x => x.PrepaymentsInFull + x.Curtailments + x.LiquidationProceeds)),
            ("Realized Principal Losses", Mv(x => x.RealizedLosses)),
            ("Ending Pool Stated Principal Balance", Mv(x => x.EndingBalance)),
            ("Weighted Averages", V(_ => "")),
            ("Weighted Average Mortgage Rate (ending)", V(x => Rate(x.WeightedAverageMortgageRate))),
            ("Weighted Average Net Mortgage Rate (ending)", V(x => Rate(x.WeightedAverageNetRate))),
            ("Weighted Average Remaining Term (ending)", V(x => x.WeightedAverageRemainingTerm?.ToString("0.00", F) ?? "")),
            ("Fees of the Trust", V(_ => "")),
            ("Gross Master Servicing Fee", Mv(x => x.ServicingFees)),
            ("Net Master Servicing Fee", Mv(x => x.ServicingFees - x.CompensatingInterest)),
            ("Trustee Fee", Mv(x => x.TrusteeFees)),
            ("Lpmi", Mv(x => x.LpmiFees)),
            ("Total Net Loan Fees", Mv(x => x.ServicingFees - x.CompensatingInterest + x.TrusteeFees + x.LpmiFees)),
            ("Servicer Advances", V(_ => "")),
            ("Principal Advances", Mv(x => x.PrincipalAdvances)),
            ("Interest Advances", Mv(x => x.InterestAdvances)),
            ("Total Advances", Mv(x => x.PrincipalAdvances + x.InterestAdvances)),
            ("Mortgage Prepayment Details", V(_ => "")),
            ("Principal Balance of Loans Paid in Full", Mv(x => x.PrepaymentsInFull)),
            ("Curtailments", Mv(x => x.Curtailments)),
            ("Prepayment Interest Shortfall", Mv(x => x.PrepaymentInterestShortfall)),
            ("Compensating Interest", Mv(x => x.CompensatingInterest)),
            ("Net Prepayment Interest Shortfall", Mv(x => Math.Max(0, x.NetInterestShortfall - x.ReliefActShortfall))),
            ("CPR %", V(x => Pct(1m - (decimal)Math.Pow(1 - (double)Smm(x), 12)))),
            ("SMM %", V(x => Pct(Smm(x)))),
            ("Net Interest Shortfalls", V(_ => "")),
            ("Net Prepayment Interest Shortfalls", Mv(x => Math.Max(0, x.NetInterestShortfall - x.ReliefActShortfall))),
            ("Relief Act Reduction Shortfalls", Mv(x => x.ReliefActShortfall)),
            ("Total Net Interest Shortfalls", Mv(x => x.NetInterestShortfall)),
            ("Senior Percentage", V(x => Rate(x.SeniorPercentage))),
            ("Senior Prepayment Percentage", V(x => Rate(x.SeniorPrepaymentPercentage))),
        ], w);
    }

    private static void Delinquency(StringBuilder sb, Statement s, int? w)
    {
        Title(sb, "Delinquency Information");
        (string Label, Remittance.Delinquency Status)[] buckets =
        [
            ("30-59 Days", Remittance.Delinquency.Days30), ("60-89 Days", Remittance.Delinquency.Days60), ("90+ Days", Remittance.Delinquency.Days90Plus),
            ("Foreclosure", Remittance.Delinquency.Foreclosure), ("Bankruptcy", Remittance.Delinquency.Bankruptcy), ("REO", Remittance.Delinquency.Reo),
        ];
        var lines = new List<(string, IReadOnlyList<string>)>();
        foreach (var (label, status) in buckets)
        {
            lines.Add((label + " Loan Count", s.Groups.Select(g => Bucket(g, status).LoanCount.ToString(F)).ToArray()));
            lines.Add((label + " Loan Count %", s.Groups.Select(g => Share(Bucket(g, status).LoanCount, g.LoanCount)).ToArray()));
            lines.Add((label + " Balance", s.Groups.Select(g => Money(Bucket(g, status).Balance)).ToArray()));
            lines.Add((label + " Balance %", s.Groups.Select(g => Share(Bucket(g, status).Balance, g.EndingBalance)).ToArray()));
        }
        Pairs(sb, s.Groups.Select(g => "Group " + g.Group).ToArray(), lines, w);
    }

    private static Distribution.DelinquencyBucket Bucket(GroupLine g, Remittance.Delinquency status) =>
        g.Delinquencies.FirstOrDefault(b => b.Status == status) ?? new(status, 0, 0m);

    private static string Share(decimal part, decimal whole) => (whole == 0 ? 0m : part * 100m / whole).ToString("0.000000", F) + "%";

    private static void Losses(StringBuilder sb, Statement s, int? w)
    {
        Title(sb, "Realized Loss Detail");
        var g = s.Groups;
        Pairs(sb, g.Select(x => "Group " + x.Group).ToArray(),
        [
            ("Current Period Realized Losses", g.Select(x => Money(x.RealizedLosses)).ToArray()),
            ("Cumulative Realized Losses", g.Select(x => Money(x.CumulativeRealizedLosses)).ToArray()),
            ("Total Liquidated Loan Balance", g.Select(x => Money(x.LiquidationProceeds + x.RealizedLosses)).ToArray()),
            ("Total Liquidated Proceeds", g.Select(x => Money(x.LiquidationProceeds)).ToArray()),
            ("Subsequent Recoveries", g.Select(x => Money(x.SubsequentRecoveries)).ToArray()),
        ], w);
    }

    private static void CreditEnhancement(StringBuilder sb, Statement s, Deal deal, int? w)
    {
        Title(sb, "Credit Enhancements");
        var subs = (deal.ShiftingInterest?.Subordinates ?? deal.Classes.Where(c => c.Is(ClassType.Subordinate)).Select(c => c.Name).ToList()).ToHashSet(StringComparer.Ordinal);
        var money = s.Classes.Where(k => !k.Notional).ToArray();
        decimal origTotal = money.Sum(k => k.OriginalBalance), curTotal = money.Sum(k => k.EndingBalance);
        string P(decimal part, decimal whole) => (whole == 0 ? 0m : part * 100m / whole).ToString("0.000000", F) + "%";
        var seniors = money.Where(k => !subs.Contains(k.Name)).ToArray();
        var lines = new List<(string, IReadOnlyList<string>)>
        {
            ("Class A (senior and PO)", [Money(seniors.Sum(k => k.OriginalBalance)), Money(seniors.Sum(k => k.EndingBalance))]),
            ("Class A Percentage", [P(seniors.Sum(k => k.OriginalBalance), origTotal), P(seniors.Sum(k => k.EndingBalance), curTotal)]),
        };
        foreach (var k in money.Where(k => subs.Contains(k.Name)))
        {
            lines.Add(($"Class {k.Name}", [Money(k.OriginalBalance), Money(k.EndingBalance)]));
            lines.Add(($"Class {k.Name} Percentage", [P(k.OriginalBalance, origTotal), P(k.EndingBalance, curTotal)]));
        }
        Pairs(sb, ["Original", "Current"], lines, w);
    }
}
