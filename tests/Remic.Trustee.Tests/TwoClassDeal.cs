using Remic.Core;
using Remic.Trustee.Registry;

namespace Remic.Trustee.Tests;

/// <summary>
/// A tiny deal for hand-derived figures: one group of two loans at 6.50% (servicing 0.25%, trustee 0.25%, so net 6.00%),
/// senior A 950,000 and subordinate B 50,000 at 6%, shifting interest (Senior Prepayment Percentage 100% in year one).
/// </summary>
internal static class TwoClassDeal
{
    public const string Id = "TWO-1";

    public const string Yaml = """
        deal:
          trust_name: Two Class Test Trust
          series: TWO-1
          cutoff_date: 2004-03-01
          closing_date: 2004-03-30
          first_distribution_date: 2004-04-25
        groups:
          - name: "1"
            servicing_fee: 0.25
            trustee_fee: 0.25
            rep_lines:
              - { id: L1, balance: 600000, gross_rate: 6.5, remaining_term: 360, loan_count: 1 }
              - { id: L2, balance: 400000, gross_rate: 6.5, remaining_term: 360, loan_count: 1 }
        classes:
          - { name: A, group: "1", balance: 950000, type: senior, coupon: 6 }
          - { name: B, group: "1", balance: 50000, type: subordinate, coupon: 6 }
        shifting_interest:
          subordinates: [B]
          senior_prepayment_shift: [100, 100, 100, 100, 100, 70, 60, 40, 20, 0]
          step_down: { delinquency_percent: 50, cumulative_loss_percent: [30, 35, 40, 45, 50] }
        waterfall:
          - pay_interest: { from: "1", classes: [A] }
          - pay_principal: { from: "1", amount: senior_principal, to: A }
          - pay_subordinates: { from: "1", classes: [B] }
        """;

    /// <summary>
    /// April 2004: L1 pays its month (scheduled 500.00, interest 600,000 × 6.5% / 12 = 3,250.00, servicing fee 125.00);
    /// L2 pays off 400,000.00 with interest to 2004-03-15, half a month: 400,000 × 6.5% / 12 / 2 = 1,083.33, fee 83.33.
    /// </summary>
    public const string April = """
        loan_id,period,prior_balance,scheduled_principal,curtailment,payoff,paid_through_date,interest_collected,servicing_fee,principal_advance,interest_advance,liquidation_proceeds,realized_loss,ending_balance,delinquency,modified
        L1,2004-04,600000.00,500.00,0.00,0.00,,3250.00,125.00,0.00,0.00,0.00,0.00,599500.00,current,N
        L2,2004-04,400000.00,0.00,0.00,400000.00,2004-03-15,1083.33,83.33,0.00,0.00,0.00,0.00,0.00,current,N

        """;

    public static DealRegistration Registration(string dir)
    {
        var path = Path.Combine(dir, "two-class.yaml");
        File.WriteAllText(path, Yaml);
        return DealFile.Registration(path);
    }

    public static readonly Period AprilPeriod = new(2004, 4);
}
