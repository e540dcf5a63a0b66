using Dapper;
using Remic.Core;
using Remic.Trustee.Distribution;
using Remic.Trustee.Periods;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Tests.Support;
using Remic.Trustee.Waterfall;

namespace Remic.Trustee.Tests;

/// <summary>
/// Issue 17's remittance and ledger gaps, each month derived by hand on <see cref="TwoClassDeal"/> (one group, loans at 6.50%,
/// servicing 0.25% and trustee 0.25%, so net 6.00%; A 950,000 / B 50,000 at 6%) or a three-class deal with a Class PO: compensating
/// interest, the Relief Act shortfall, a subsequent recovery written up onto the class that took the loss, a Class PO within $1 of
/// its loans, and the figures in their own ledger columns (migration 6). On SQLite and (with REMIC_TEST_PG) PostgreSQL.
/// </summary>
public class RemittanceGapsTests
{
    public static IEnumerable<object[]> Kinds() => TestLedger.Kinds();

    private const string Header = "loan_id,period,prior_balance,scheduled_principal,curtailment,payoff,paid_through_date,interest_collected,servicing_fee," +
                                  "principal_advance,interest_advance,liquidation_proceeds,realized_loss,ending_balance,delinquency,modified";

    private static (TestLedger Ledger, string Dir) Registered(string kind, string yaml, string id)
    {
        var ledger = new TestLedger(kind);
        var dir = Directory.CreateTempSubdirectory("remic-gaps-").FullName;
        var path = Path.Combine(dir, "deal.yaml");
        File.WriteAllText(path, yaml);
        DealRegistry.Register(ledger.Db, DealFile.Registration(path), "test");
        return (ledger, dir);
    }

    private static CloseResult Close(TestLedger ledger, string id, Period period, string csv)
    {
        RemittanceImporter.Import(ledger.Db, id, period, $"{period}.csv", csv, "test");
        return new PeriodCloser(ledger.Db, new WaterfallCalculator(DealFile.FromLedger(ledger.Db, id))).Close(id, period, new(), "test");
    }

    private static ClassDistribution Class(CloseResult r, string name) => r.Distribution!.Classes.Single(k => k.Name == name);

    // April: L2 pays off with interest to 2004-03-15 (1,083.33 of 2,166.67), so its shortfall is a month at net 6% (2,000.00) less
    // what it remitted net of its servicing and trustee fees (1,083.33 − 83.33 − 83.33 = 916.67): 1,083.33. The master servicer pays
    // 83.33 of compensating interest (its fee on L2; the file's compensating_interest column), so the Net Prepayment Interest Shortfall
    // is 1,000.00, allocated pro rata to A 4,750.00 / B 250.00 of current interest: A 950.00, B 50.00.
    // Interest remitted 3,250.00 + 1,083.33 − 125.00 − 83.33 + 83.33 = 4,208.33; trustee fee 208.33; to the classes 4,000.00
    // = A 3,800.00 + B 200.00.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Compensating_interest_reduces_the_shortfall_the_classes_bear(string kind)
    {
        var (ledger, _) = Registered(kind, TwoClassDeal.Yaml, TwoClassDeal.Id);
        using var _l = ledger;
        var csv = Header + ",compensating_interest,prepayment_interest_shortfall\n" +
                  "L1,2004-04,600000.00,500.00,0.00,0.00,,3250.00,125.00,0.00,0.00,0.00,0.00,599500.00,current,N,0.00,\n" +
                  "L2,2004-04,400000.00,0.00,0.00,400000.00,2004-03-15,1083.33,83.33,0.00,0.00,0.00,0.00,0.00,current,N,83.33,\n";
        var r = Close(ledger, TwoClassDeal.Id, TwoClassDeal.AprilPeriod, csv);
        Assert.Equal((3_800.00m, 950.00m), (Class(r, "A").InterestPaid, Class(r, "A").InterestShortfall));
        Assert.Equal((200.00m, 50.00m), (Class(r, "B").InterestPaid, Class(r, "B").InterestShortfall));
        var g = r.Distribution!.Groups!.Single();
        Assert.Equal((1_083.33m, 1_000.00m), (g.PrepaymentInterestShortfall, g.NetInterestShortfall));
        Assert.Equal(r.Reconciliation!.CashIn, r.Reconciliation.CashOut);
        Assert.Equal(400_500.00m + 4_208.33m, r.Reconciliation.CashIn);

        using var c = ledger.Db.Connect();
        var row = c.QuerySingle<(long ci, long ppis)>("SELECT compensating_interest_cents, prepayment_interest_shortfall_cents FROM period_collections WHERE deal_id = 'TWO-1'");
        Assert.Equal((8_333L, 108_333L), row);
        Assert.Equal(100_000L, c.ExecuteScalar<long>("SELECT net_interest_shortfall_cents FROM group_periods WHERE deal_id = 'TWO-1'"));
    }

    // The servicer's own prepayment_interest_shortfall figure wins over the derivation: 1,200.00 stated, 200.00 compensating interest,
    // so 1,000.00 net as above, allocated A 950.00 / B 50.00 — but the cash is the file's: 4,125.00 + 200.00 − 208.33 = 4,116.67 reaches
    // the classes, of the 4,000.00 they are owed after the shortfall: the 116.67 surplus interest pays principal (A) before the subordinate.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_servicers_stated_shortfall_is_used_when_given(string kind)
    {
        var (ledger, _) = Registered(kind, TwoClassDeal.Yaml, TwoClassDeal.Id);
        using var _l = ledger;
        var csv = Header + ",compensating_interest,prepayment_interest_shortfall\n" +
                  "L1,2004-04,600000.00,500.00,0.00,0.00,,3250.00,125.00,0.00,0.00,0.00,0.00,599500.00,current,N,0.00,\n" +
                  "L2,2004-04,400000.00,0.00,0.00,400000.00,2004-03-15,1083.33,283.33,0.00,0.00,0.00,0.00,0.00,current,N,200.00,1200.00\n";
        var r = Close(ledger, TwoClassDeal.Id, TwoClassDeal.AprilPeriod, csv);
        var g = r.Distribution!.Groups!.Single();
        Assert.Equal((1_200.00m, 1_000.00m), (g.PrepaymentInterestShortfall, g.NetInterestShortfall));
        Assert.Equal((950.00m, 50.00m), (Class(r, "A").InterestShortfall, Class(r, "B").InterestShortfall));
        Assert.Equal(r.Reconciliation!.CashIn, r.Reconciliation.CashOut);
    }

    // L1 is a servicemember's loan: the Relief Act caps its rate at 6%, so it pays 3,000.00 instead of 3,250.00 (relief_act_shortfall
    // 250.00) and the servicer still keeps 125.00. L2 pays its month (2,166.66, fee 83.33). To the classes: 3,000.00 − 125.00 + 2,166.66
    // − 83.33 − trustee 208.33 = 4,750.00 = 5,000.00 owed − 250.00, allocated pro rata: A 237.50, B 12.50.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_relief_act_shortfall_is_allocated_pro_rata(string kind)
    {
        var (ledger, _) = Registered(kind, TwoClassDeal.Yaml, TwoClassDeal.Id);
        using var _l = ledger;
        var csv = Header + ",relief_act_shortfall\n" +
                  "L1,2004-04,600000.00,500.00,0.00,0.00,,3000.00,125.00,0.00,0.00,0.00,0.00,599500.00,current,N,250.00\n" +
                  "L2,2004-04,400000.00,0.00,0.00,0.00,,2166.66,83.33,0.00,0.00,0.00,0.00,400000.00,current,N,0.00\n";
        var r = Close(ledger, TwoClassDeal.Id, TwoClassDeal.AprilPeriod, csv);
        Assert.Equal((4_512.50m, 237.50m), (Class(r, "A").InterestPaid, Class(r, "A").InterestShortfall));
        Assert.Equal((237.50m, 12.50m), (Class(r, "B").InterestPaid, Class(r, "B").InterestShortfall));
        Assert.Equal(250.00m, r.Collections!.Group("1").ReliefActShortfall);
        Assert.Equal(r.Reconciliation!.CashIn, r.Reconciliation.CashOut);
    }

    // April: L2 is liquidated for 380,000.00 with a 20,000.00 loss (interest advanced as usual), which B absorbs.
    // May: 5,000.00 is recovered on L2. "The Class Certificate Balance of each class ... to which Realized Losses have been allocated
    // will be increased, sequentially in the order of payment priority, ... by the amount of Subsequent Recoveries": B (the only class
    // with a loss) is written up 5,000.00 and the 5,000.00 is distributed as principal with the month's collections.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_subsequent_recovery_writes_the_loss_back_up_and_is_paid_as_principal(string kind)
    {
        var (ledger, _) = Registered(kind, TwoClassDeal.Yaml, TwoClassDeal.Id);
        using var _l = ledger;
        var april = Header + "\n" +
                    "L1,2004-04,600000.00,500.00,0.00,0.00,,3250.00,125.00,0.00,0.00,0.00,0.00,599500.00,current,N\n" +
                    "L2,2004-04,400000.00,0.00,0.00,0.00,,0.00,83.33,0.00,2166.67,380000.00,20000.00,0.00,REO,N\n";
        var a = Close(ledger, TwoClassDeal.Id, TwoClassDeal.AprilPeriod, april);
        Assert.Equal(20_000.00m, Class(a, "B").RealizedLoss);
        var may = Header + ",subsequent_recovery\n" +
                  "L1,2004-05,599500.00,502.71,0.00,0.00,,3247.29,124.90,0.00,0.00,0.00,0.00,598997.29,current,N,0.00\n" +
                  "L2,2004-05,,0.00,0.00,0.00,,0.00,0.00,0.00,0.00,0.00,0.00,0.00,current,N,5000.00\n";
        var m = Close(ledger, TwoClassDeal.Id, new Period(2004, 5), may);
        var b = Class(m, "B");
        Assert.Equal(5_000.00m, b.WriteUp);
        Assert.Equal(0m, Class(m, "A").WriteUp);
        Assert.Equal(b.BeginningBalance - b.PrincipalPaid - b.RealizedLoss + 5_000.00m, b.EndingBalance);
        // Interest accrues on the balances before the write-up, half a cent up: A 569,525.00 × 6% / 12 = 2,847.625 → 2,847.63 and
        // B 29,975.00 × 6% / 12 = 149.875 → 149.88, 2,997.51 in all, while L1 nets 3,247.29 − 124.90 servicing − 124.90 trustee fee =
        // 2,997.49: two cents of Available Funds that would have been principal pay interest.
        Assert.Equal((2_847.63m, 149.88m), (Class(m, "A").InterestPaid, b.InterestPaid));
        // So the classes end two cents above the pool (L1 alone, 598,997.29), and the recovery is cash paid out: principal = L1's
        // 502.71 + 5,000.00 − those two cents.
        Assert.Equal(598_997.29m + 0.02m, Class(m, "A").EndingBalance + b.EndingBalance);
        Assert.Equal(5_502.71m - 0.02m, Class(m, "A").PrincipalPaid + b.PrincipalPaid);
        // No loss in May: B is not written down.
        Assert.Equal((0m, 0m), (b.RealizedLoss, Class(m, "A").RealizedLoss));
        Assert.Equal(5_000.00m, m.Collections!.Group("1").SubsequentRecoveries);
        Assert.Equal(m.Reconciliation!.CashIn, m.Reconciliation.CashOut);

        using var c = ledger.Db.Connect();
        Assert.Equal(500_000L, c.ExecuteScalar<long>("SELECT write_up_cents FROM class_periods WHERE deal_id = 'TWO-1' AND period = '2004-05' AND class_name = 'B'"));
        // The cumulative loss the next write-up may restore is 15,000.00.
        Assert.Equal(15_000.00m, PeriodCloser.ClassPositions(c, "TWO-1", new Period(2004, 6)).Single(k => k.Name == "B").CumulativeLoss);
    }

    [Fact]
    public void A_recovery_on_an_outstanding_loan_or_a_liquidated_loan_with_other_amounts_is_refused()
    {
        var positions = new Dictionary<string, LoanPosition> { ["L1"] = new("1", 1000m, 0.065m), ["L2"] = new("1", 0m, 0.065m) };
        var csv = Header + ",subsequent_recovery\n" +
                  "L1,2004-05,1000.00,0.00,0.00,0.00,,5.42,0.21,0.00,0.00,0.00,0.00,1000.00,current,N,10.00\n" +
                  "L2,2004-05,,0.00,0.00,0.00,,1.00,0.00,0.00,0.00,0.00,0.00,0.00,current,N,10.00\n";
        var (rows, parse) = RemittanceCsv.Parse("r.csv", csv);
        Assert.Empty(parse);
        var errors = RemittanceValidator.Validate("r.csv", new Period(2004, 5), rows, positions).Select(e => e.ToString()).ToArray();
        Assert.Equal([
            "r.csv:2 subsequent_recovery: got '10.00'; 0.00 for a loan still outstanding (a subsequent recovery is cash on a loan liquidated in an earlier period)",
            "r.csv:3 loan_id: got 'L2'; a row of a subsequent recovery only (every other amount 0.00) for a loan paid off or liquidated in an earlier period",
        ], errors);
    }

    [Fact]
    public void Compensating_interest_beyond_the_fee_or_without_a_prepayment_and_bad_modification_terms_are_refused()
    {
        var positions = new Dictionary<string, LoanPosition> { ["L1"] = new("1", 1000m, 0.065m), ["L2"] = new("1", 1000m, 0.065m) };
        var csv = Header + ",compensating_interest,modified_rate,modified_term\n" +
                  "L1,2004-05,1000.00,0.00,0.00,1000.00,2004-04-10,2.00,0.21,0.00,0.00,0.00,0.00,0.00,current,N,0.50,,\n" +
                  "L2,2004-05,1000.00,0.00,0.00,0.00,,5.42,0.21,0.00,0.00,0.00,0.00,1000.00,current,N,0.10,,\n";
        var (rows, parse) = RemittanceCsv.Parse("r.csv", csv);
        Assert.Empty(parse);
        var errors = RemittanceValidator.Validate("r.csv", new Period(2004, 5), rows, positions).Select(e => e.ToString()).ToArray();
        Assert.Equal([
            "r.csv:2 compensating_interest: got '0.50'; at most the servicing fee retained, 0.21 (compensating interest comes out of the master servicer's fee)",
            "r.csv:3 compensating_interest: got '0.10'; 0.00 on a loan with no payoff or curtailment this month (only a prepayment cuts interest short)",
        ], errors);

        var bad = Header + ",modified_rate,modified_term\n" +
                  "L2,2004-05,1000.00,0.00,0.00,0.00,,5.42,0.21,0.00,0.00,0.00,0.00,1000.00,current,N,4.5,360\n" +
                  "L1,2004-05,1000.00,0.00,0.00,0.00,,5.42,0.21,0.00,0.00,0.00,0.00,1000.00,current,Y,30,0\n";
        var (_, errs) = RemittanceCsv.Parse("m.csv", bad);
        Assert.Equal([
            "m.csv:2 modified: got 'N'; Y on a row that gives modification terms (modified_rate, modified_term)",
            "m.csv:3 modified_rate: got '30'; the modified note rate in percent, 0 to 25 with at most 6 decimals (e.g. 4.5), or empty",
            "m.csv:3 modified_term: got '0'; the modified remaining term in months, 1 to 600, or empty",
        ], errs.Select(e => e.ToString()).ToArray());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Modification_terms_are_kept_and_counted(string kind)
    {
        var (ledger, _) = Registered(kind, TwoClassDeal.Yaml, TwoClassDeal.Id);
        using var _l = ledger;
        var csv = Header + ",modified_rate,modified_term\n" +
                  "L1,2004-04,600000.00,500.00,0.00,0.00,,3250.00,125.00,0.00,0.00,0.00,0.00,599500.00,current,Y,4.25,480\n" +
                  "L2,2004-04,400000.00,0.00,0.00,0.00,,2166.66,83.33,0.00,0.00,0.00,0.00,400000.00,current,N,,\n";
        var r = Close(ledger, TwoClassDeal.Id, TwoClassDeal.AprilPeriod, csv);
        Assert.Equal((1, 599_500.00m), (r.Collections!.Group("1").ModifiedLoans, r.Collections.Group("1").ModifiedBalance));
        using var c = ledger.Db.Connect();
        var row = c.QuerySingle<(string rate, long term)>("SELECT CAST(modified_rate AS TEXT), modified_term FROM remittance_rows WHERE loan_id = 'L1'");
        Assert.Equal(4.25m, decimal.Parse(row.rate, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(480L, row.term);
    }

    /// <summary>
    /// L2 at 6.00% gross (net 5.50%) is a discount loan against the 6.00% strip: its PO fraction is (6 − 5.5) / 6 = 1/12, so its loans'
    /// PO portion is 400,000 / 12 = 33,333.33, and the deal's Class PO is 33,333.00 (a prospectus rounding) — 0.33 below.
    /// </summary>
    public const string PoYaml = """
        deal:
          trust_name: PO Remainder Test Trust
          series: PO-1
          cutoff_date: 2004-03-01
          closing_date: 2004-03-30
          first_distribution_date: 2004-04-25
        groups:
          - name: "1"
            servicing_fee: 0.25
            trustee_fee: 0.25
            strip_rate: 6.0
            rep_lines:
              - { id: L1, balance: 600000, gross_rate: 6.5, remaining_term: 360, loan_count: 1 }
              - { id: L2, balance: 400000, gross_rate: 6.0, remaining_term: 360, loan_count: 1 }
        classes:
          - { name: PO, group: "1", balance: 33333.00, type: po, coupon: none }
          - { name: A, group: "1", balance: 916667.00, type: senior, coupon: 6 }
          - { name: B, group: "1", balance: 50000, type: subordinate, coupon: 6 }
        shifting_interest:
          subordinates: [B]
        waterfall:
          - pay_po: { group: "1", class: PO }
          - pay_interest: { from: "1", classes: [A] }
          - pay_principal: { from: "1", amount: senior_principal, to: A }
          - pay_subordinates: { from: "1", classes: [B] }
        """;

    // April: L2 pays 300.00 scheduled principal, whose PO part is 25.00; the PO pool ends at 399,700 / 12 = 33,308.33.
    // Remainder rule: Class PO 33,333.00 − the loans' 33,333.33 = −0.33 goes into the scheduled PO principal: Class PO is paid 24.67
    // and ends at 33,308.33, the PO pool's balance to the cent. May: no remainder left, PO paid its loans' share exactly (300.00 / 12 = 25.00).
    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_class_po_within_a_dollar_of_its_loans_closes_exactly(string kind)
    {
        var (ledger, _) = Registered(kind, PoYaml, "PO-1");
        using var _l = ledger;
        var april = Header + "\n" +
                    "L1,2004-04,600000.00,500.00,0.00,0.00,,3250.00,125.00,0.00,0.00,0.00,0.00,599500.00,current,N\n" +
                    "L2,2004-04,400000.00,300.00,0.00,0.00,,2000.00,83.33,0.00,0.00,0.00,0.00,399700.00,current,N\n";
        var a = Close(ledger, "PO-1", new Period(2004, 4), april);
        Assert.Equal((24.67m, 33_308.33m, 0m), (Class(a, "PO").PrincipalPaid, Class(a, "PO").EndingBalance, Class(a, "PO").RealizedLoss));
        Assert.Equal(a.Reconciliation!.CashIn, a.Reconciliation.CashOut);
        var may = Header + "\n" +
                  "L1,2004-05,599500.00,500.00,0.00,0.00,,3247.29,124.90,0.00,0.00,0.00,0.00,599000.00,current,N\n" +
                  "L2,2004-05,399700.00,300.00,0.00,0.00,,1998.50,83.27,0.00,0.00,0.00,0.00,399400.00,current,N\n";
        var m = Close(ledger, "PO-1", new Period(2004, 5), may);
        Assert.Equal((25.00m, 33_283.33m), (Class(m, "PO").PrincipalPaid, Class(m, "PO").EndingBalance));
    }

    [Fact]
    public void A_class_po_more_than_a_dollar_off_its_loans_is_refused_at_registration()
    {
        using var ledger = new TestLedger("sqlite");
        var dir = Directory.CreateTempSubdirectory("remic-gaps-").FullName;
        var path = Path.Combine(dir, "deal.yaml");
        File.WriteAllText(path, PoYaml.Replace("balance: 33333.00", "balance: 33331.00").Replace("balance: 916667.00", "balance: 916669.00"));
        var e = Assert.Throws<RemicInputException>(() => DealRegistry.Register(ledger.Db, DealFile.Registration(path), "test"));
        Assert.Contains("classes[0].balance: got '33331.00'; expected the PO portion of the loans at the strip rate, 33333.33 (Class PO must be within 1.00 of it)", e.Message);
    }
}
