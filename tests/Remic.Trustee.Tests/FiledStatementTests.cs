using Remic.Trustee.Periods;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Simulation;
using Remic.Trustee.Statements;
using Remic.Trustee.Statements.Bny;
using Remic.Trustee.Tests.Support;
using Remic.Trustee.Waterfall;

namespace Remic.Trustee.Tests;

/// <summary>
/// `remic trustee reconcile` on statements the Bank of New York filed on EDGAR for CWALT trusts (examples/filed: the figures are the
/// filings', see its README for the addresses), and on Remic's own statement in the same layout, which prints no CUSIP for a deal whose
/// CUSIPs are not known.
/// </summary>
public class FiledStatementTests
{
    private static string Filed(string folder)
    {
        var dir = Path.GetDirectoryName(EndToEndCycleTests.SampleDeal())!;
        return Path.Combine(dir, "..", "filed", folder, "statement.txt");
    }

    private static FiledReport Reconcile(string folder) =>
        FiledReconciliation.Reconcile(BnyStatementParser.Parse("statement.txt", File.ReadAllText(Filed(folder))));

    [Fact]
    public void CWALT_2008_2R_April_2008_every_identity_holds_and_only_binary_double_accrual_reproduces_every_group()
    {
        var r = Reconcile("cwalt-2008-2r-2008-04");
        Assert.Equal(new DateOnly(2008, 4, 25), r.Filed.DistributionDate);
        Assert.Equal(11, r.Filed.Classes.Count);
        Assert.Empty(r.Identities);
        // Group 5's net interest shortfall as filed: 5A1 bears 12.29 and 5A2 1.07 (13.36), pro rata to their accruals.
        var g5 = r.Interest.Single(g => g.Group == "5");
        Assert.Equal(13.36m, g5.Shortfall);
        Assert.NotNull(g5.Convention);
        // 9,577,507 × 6% / 12 = 47,887.535 was paid 47,887.53 (group 2): decimal half-cent-up accrual cannot reproduce it, nor group 4's
        // 11,764.555 accrued 11,764.56 by truncation; the binary double product rounded to the cent reproduces both.
        Assert.DoesNotContain(r.Interest.Single(g => g.Group == "2").Reproducing, n => n.StartsWith("decimal, half-cent up", StringComparison.Ordinal));
        Assert.DoesNotContain(r.Interest.Single(g => g.Group == "4").Reproducing, n => n.StartsWith("decimal, truncated", StringComparison.Ordinal));
        Assert.Equal(["binary double, rounded to the cent, shares rounded", "binary double, rounded to the cent, largest remainder"],
            FiledReconciliation.CommonConventions(r));
        Assert.False(FiledReconciliation.HasBreaks(r));
    }

    [Fact]
    public void CWALT_2007_10CB_December_2007_shares_a_shortfall_of_11_93_and_shows_one_cent_misprint()
    {
        var r = Reconcile("cwalt-2007-10cb-2007-12");
        var io = r.Filed.Classes.Single(c => c.Name == "A2");
        Assert.True(io.Notional); // "Strip IO": out of the balance identities
        // A1's total 1,468,020.46 is a cent below its principal 1,061,576.47 + interest 406,444.00.
        var b = Assert.Single(r.Identities);
        Assert.Equal(("A1", 1_468_020.47m, 1_468_020.46m), (b.Class, b.Expected!.Value, b.Filed!.Value));
        var all = Assert.Single(r.Interest);
        Assert.Equal(11.93m, all.Shortfall); // A1 6.19 + A2 2.29 + A3 3.45
        Assert.NotNull(all.Convention);
        Assert.True(FiledReconciliation.HasBreaks(r));
    }

    [Fact]
    public void CWALT_2007_2CB_July_2007_shares_a_shortfall_of_11_88()
    {
        var r = Reconcile("cwalt-2007-2cb-2007-07");
        Assert.Null(r.Filed.DistributionDate); // the date line is not in the text read from the PDF
        var g1 = Assert.Single(r.Interest);
        Assert.Equal(["1-A-1", "1-A-2"], g1.Classes);
        Assert.Equal(11.88m, g1.Shortfall); // 1-A-1 4.28, 1-A-2 7.60
        Assert.NotNull(g1.Convention);
        Assert.False(FiledReconciliation.HasBreaks(r));
    }

    /// <summary>
    /// Hand case for the two ways of sharing a shortfall: 0.03 over accruals 1, 1, 1 gives 0.01 each either way; 0.02 over 1, 1, 1
    /// rounds each third (0.00667) up to 0.01 (0.03 in all, a cent more than the shortfall), while the largest remainder gives the two
    /// cents to the first two classes (equal remainders: in class order) and nothing to the third.
    /// </summary>
    [Fact]
    public void Shares_rounded_and_largest_remainder_differ_only_when_the_rounded_shares_do_not_add_up()
    {
        var rounded = FiledReconciliation.Allocations.Single(a => a.Name == "shares rounded").Share;
        var largest = FiledReconciliation.Allocations.Single(a => a.Name == "largest remainder").Share;
        Assert.Equal([0.01m, 0.01m, 0.01m], rounded(0.03m, [1m, 1m, 1m]));
        Assert.Equal([0.01m, 0.01m, 0.01m], largest(0.03m, [1m, 1m, 1m]));
        Assert.Equal([0.01m, 0.01m, 0.01m], rounded(0.02m, [1m, 1m, 1m]));
        Assert.Equal([0.01m, 0.01m, 0.00m], largest(0.02m, [1m, 1m, 1m]));
        Assert.Equal([0.00m, 1.00m], largest(1.00m, [0m, 5m]));
    }

    /// <summary>
    /// examples/sample/structures.yaml (no trustee named: the heading is "TRUSTEE") closed for a month: its accrual class A-4 is paid no
    /// interest and accretes it (Accretion Principal in the Principal Distribution Detail), which the balance identity and the group's
    /// interest count; everything reconciles with the ledger.
    /// </summary>
    [Fact]
    public void An_accrual_class_accretion_is_read_from_the_principal_detail_and_counted()
    {
        using var ledger = new TestLedger("sqlite");
        var reg = DealFile.Registration(EndToEndCycleTests.SampleDeal().Replace("deal.yaml", "structures.yaml"));
        DealRegistry.Register(ledger.Db, reg, "test");
        var deal = DealFile.FromLedger(ledger.Db, reg.DealId);
        var (period, csv) = new RemittanceSimulator(reg.Loans, reg.FirstPeriod, EndToEndCycleTests.Options(1)).Run().Single();
        RemittanceImporter.Import(ledger.Db, reg.DealId, period, "r.csv", csv, "test");
        var close = new PeriodCloser(ledger.Db, new WaterfallCalculator(deal)).Close(reg.DealId, period, Distribution.PeriodMarket.With("LIBOR_1MO", 0.011m), "test");
        Assert.Equal(CloseOutcome.Closed, close.Outcome);
        var statement = StatementBuilder.Build(ledger.Db, deal, reg.DealId, period);
        var filed = BnyStatementParser.Parse("st.txt", BnyLayout.Render(statement, deal));
        Assert.Equal("Sample Structures Trust 2007-S2", filed.Title);
        var a4 = filed.Classes.Single(c => c.Name == "A-4");
        var mine = statement.Classes.Single(k => k.Name == "A-4");
        Assert.True(mine.Accretion > 0);
        Assert.Equal((0m, mine.Accretion, mine.BeginningBalance + mine.Accretion), (a4.Interest!.Value, a4.Accretion!.Value, a4.Ending!.Value));
        var r = FiledReconciliation.Reconcile(filed, statement, deal);
        Assert.Empty(r.Identities);
        Assert.All(r.Interest, g => Assert.NotNull(g.Convention));
        Assert.False(FiledReconciliation.HasBreaks(r));
        // Without the Principal Distribution Detail (a filing cut short) the same figures are a break the text cannot explain.
        var cut = BnyStatementParser.Parse("st.txt", BnyLayout.Render(statement, deal).Split("Principal Distribution Detail")[0]);
        Assert.Contains(FiledReconciliation.Reconcile(cut).Identities, b => b.Class == "A-4");
    }

    /// <summary>
    /// examples/sample/deal.yaml closed for its first month, its statement printed in the Bank of New York layout (no CUSIPs: the deal
    /// file gives none) and read back: the Class X strips are notional, every identity holds, every group's interest is reproduced, and
    /// every class agrees with the ledger. One figure changed in the text is then found as a break of that class.
    /// </summary>
    [Fact]
    public void Remics_own_statement_without_CUSIPs_reconciles_with_its_ledger_and_a_changed_figure_is_found()
    {
        using var ledger = new TestLedger("sqlite");
        var reg = DealFile.Registration(EndToEndCycleTests.SampleDeal());
        DealRegistry.Register(ledger.Db, reg, "test");
        var deal = DealFile.FromLedger(ledger.Db, reg.DealId);
        var (period, csv) = new RemittanceSimulator(reg.Loans, reg.FirstPeriod, EndToEndCycleTests.Options(1)).Run().Single();
        RemittanceImporter.Import(ledger.Db, reg.DealId, period, "r.csv", csv, "test");
        Assert.Equal(CloseOutcome.Closed, new PeriodCloser(ledger.Db, new WaterfallCalculator(deal)).Close(reg.DealId, period, new(), "test").Outcome);
        var statement = StatementBuilder.Build(ledger.Db, deal, reg.DealId, period);
        var text = BnyLayout.Render(statement, deal);

        var filed = BnyStatementParser.Parse("st.txt", text);
        Assert.All(filed.Classes, c => Assert.Null(c.Cusip));
        Assert.Equal(["1-X", "2-X"], filed.Classes.Where(c => c.Notional).Select(c => c.Name).ToArray());
        Assert.All(filed.Classes, c => Assert.NotNull(c.Beginning));
        var r = FiledReconciliation.Reconcile(filed, statement, deal);
        Assert.Empty(r.Identities);
        Assert.All(r.Interest, g => Assert.NotNull(g.Convention));
        Assert.Empty(r.LedgerBreaks);
        Assert.Empty(r.Unmatched);
        Assert.False(FiledReconciliation.HasBreaks(r));

        // M's interest, changed by a cent in the text, breaks M's interest and total (and the filing's own principal + interest = total).
        var m = statement.Classes.Single(k => k.Name == "M");
        var shown = m.Interest.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
        var changed = (m.Interest + 0.01m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
        var line = text.Split('\n').First(l => l.StartsWith("M ", StringComparison.Ordinal) && l.Contains(shown, StringComparison.Ordinal) && !l.Contains("Subordinate", StringComparison.Ordinal));
        var broken = FiledReconciliation.Reconcile(BnyStatementParser.Parse("st.txt", text.Replace(line, line.Replace(shown, changed))), statement, deal);
        Assert.Contains(broken.LedgerBreaks, b => b.Class == "M" && b.Check == "interest" && b.Filed == m.Interest + 0.01m);
        Assert.True(FiledReconciliation.HasBreaks(broken));
    }

    /// <summary>
    /// examples/cwalt-2004-j2 (two groups; Class PO, Class X and the subordinates belong to both) closed for <paramref name="months"/>
    /// months at 300 PPC, 5 CDR and 3% delinquency, so each group has a prepayment interest shortfall; the last month's statement printed in the Bank of
    /// New York layout.
    /// </summary>
    private static (Statement Statement, Remic.Deals.Model.Deal Deal, string Text) J2Month(int months)
    {
        using var ledger = new TestLedger("sqlite");
        var path = Path.Combine(Path.GetDirectoryName(EndToEndCycleTests.SampleDeal())!, "..", "cwalt-2004-j2", "deal.yaml");
        var reg = DealFile.Registration(path);
        DealRegistry.Register(ledger.Db, reg, "test");
        var deal = DealFile.FromLedger(ledger.Db, reg.DealId);
        var options = new SimulationOptions(months, Remic.Collateral.Speed.Prepay("300 PPC"), Remic.Collateral.Speed.Default("5 CDR"), 0.50m, 6, 0.03m, 1);
        var calculator = new WaterfallCalculator(deal);
        Remic.Core.Period last = default;
        foreach (var (period, csv) in new RemittanceSimulator(reg.Loans, reg.FirstPeriod, options).Run())
        {
            RemittanceImporter.Import(ledger.Db, reg.DealId, period, "r.csv", csv, "test");
            Assert.Equal(CloseOutcome.Closed, new PeriodCloser(ledger.Db, calculator).Close(reg.DealId, period, new(), "test").Outcome);
            last = period;
        }
        var statement = StatementBuilder.Build(ledger.Db, deal, reg.DealId, last);
        return (statement, deal, BnyLayout.Render(statement, deal));
    }

    /// <summary>
    /// A class of several groups bears each group's Net Interest Shortfall by its component of that group, which the statement does not
    /// print: such classes are checked one by one against their own printed shortfall (Interest Distribution Detail), Class X's rate (a
    /// weighted average printed to six decimals) within the accrual that rounding allows. Remic's own J2 statement then reconciles with and
    /// without the ledger; a shortfall changed in the detail is found; without the detail the classes are reported as not checked.
    /// </summary>
    [Fact]
    public void Classes_of_several_groups_are_checked_against_their_printed_shortfalls()
    {
        var (statement, deal, text) = J2Month(3);
        var filed = BnyStatementParser.Parse("st.txt", text);
        var m = filed.Classes.Single(c => c.Name == "M");
        Assert.NotNull(m.InterestDetail);
        Assert.True(m.InterestDetail!.NetShortfall > 0, "the month must have a shortfall to share");
        // The detail's own identity, by hand: paid = current interest − net interest shortfall (nothing carried forward).
        Assert.Equal(m.Interest, m.InterestDetail.Current - m.InterestDetail.NetShortfall);

        var r = FiledReconciliation.Reconcile(filed, statement, deal);
        var several = r.Interest.Single(g => g.SeveralGroups);
        Assert.Equal(["PO", "X", "M", "B-1", "B-2", "B-3", "B-4", "B-5"], several.Classes);
        Assert.Contains("decimal, half-cent up", several.Reproducing);
        Assert.False(FiledReconciliation.HasBreaks(r));
        Assert.Contains("decimal, half-cent up, largest remainder", FiledReconciliation.CommonConventions(r));
        // Without the deal, the classes no name places in a group fail as one group sharing one shortfall, and pass class by class.
        var alone = FiledReconciliation.Reconcile(filed);
        Assert.Contains(alone.Interest, g => g.SeveralGroups && g.Classes.Contains("M"));
        Assert.False(FiledReconciliation.HasBreaks(alone));

        // M's printed Net Interest Shortfall five cents lower: M's interest no longer follows from it under any accrual (a variable rate's
        // accrual is known to a cent, and truncation may take another), while the ledger comparison reads the summary and agrees.
        var shown = m.InterestDetail.NetShortfall.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
        var changed = (m.InterestDetail.NetShortfall - 0.05m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
        var line = text.Split('\n').Single(l => l.StartsWith("M ", StringComparison.Ordinal) && l.EndsWith(" " + shown, StringComparison.Ordinal));
        var broken = FiledReconciliation.Reconcile(BnyStatementParser.Parse("st.txt", text.Replace(line, line[..^shown.Length] + changed)), statement, deal);
        var b = Assert.Single(broken.Interest.Single(g => g.SeveralGroups).Breaks);
        Assert.Equal("M", b.Class);
        Assert.Equal(0.05m, b.Expected - b.Filed);
        Assert.Empty(broken.LedgerBreaks);
        Assert.True(FiledReconciliation.HasBreaks(broken));

        // Only the summary: nothing to read the shares from, so the classes of several groups are left to the ledger, not called breaks.
        var cut = FiledReconciliation.Reconcile(BnyStatementParser.Parse("st.txt", text.Split("Principal Distribution Detail")[0]), statement, deal);
        var unchecked_ = cut.Interest.Single(g => g.SeveralGroups);
        Assert.Empty(unchecked_.Reproducing);
        Assert.StartsWith("not checked from the statement", unchecked_.Convention);
        Assert.False(FiledReconciliation.HasBreaks(cut));
    }

    /// <summary>
    /// Group 1 of J2's fourth month: the group's shortfall is shared among its own classes and the components of the classes of both
    /// groups in one split, so the remainder cents fall where no split of the group's own classes puts them. Each of its classes is then
    /// checked from its printed shortfall, and each printed shortfall within two cents of pro rata; a shortfall moved between two classes
    /// (interest adjusted so each class's own identity still holds) is found.
    /// </summary>
    [Fact]
    public void A_groups_classes_share_remainder_cents_with_components_and_a_misallocated_shortfall_is_found()
    {
        var (statement, deal, text) = J2Month(4);
        var filed = BnyStatementParser.Parse("st.txt", text);
        var r = FiledReconciliation.Reconcile(filed, statement, deal);
        Assert.False(FiledReconciliation.HasBreaks(r));
        var g1 = r.Interest.Single(g => g.Group == "1");
        Assert.True(g1.PrintedShares, FiledReconciliation.Render(r));
        Assert.Contains("decimal, half-cent up", g1.Reproducing);

        // Five cents of 1-A-1's shortfall printed on 1-A-2 instead, each class's interest paid moved to match.
        FiledClass Move(FiledClass c, decimal by) => c with { Interest = c.Interest - by, Total = c.Total - by, InterestDetail = c.InterestDetail! with { NetShortfall = c.InterestDetail.NetShortfall + by, Paid = c.InterestDetail.Paid - by } };
        var moved = filed with { Classes = filed.Classes.Select(c => c.Name == "1-A-1" ? Move(c, -0.05m) : c.Name == "1-A-2" ? Move(c, 0.05m) : c).ToList() };
        var broken = FiledReconciliation.Reconcile(moved, statement, deal);
        var group1 = broken.Interest.Single(g => g.Group == "1");
        Assert.Null(group1.Convention);
        Assert.Contains(group1.Breaks, b => b.Class == "1-A-2" && b.Check.StartsWith("Net Interest Shortfall = pro-rata share", StringComparison.Ordinal));
        Assert.True(FiledReconciliation.HasBreaks(broken));
    }
}
