using Remic.Deals.Explain;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Waterfall;

namespace Remic.Reports.Tests;

/// <summary>
/// Five small deals whose one distribution is derivable by hand (collections keyed in whole dollars, as a trustee
/// would): sequential, shifting interest with a failed step-down test, PO/X, a Z class accreting, a corridor binding.
/// Each runs through the decimal (trustee) interpreter with the trace on.
/// </summary>
internal static class ExplainHandBuiltDeals
{
    private const string Header = """
        deal:
          trust_name: Explain Test Trust
          cutoff_date: 2004-03-01
          closing_date: 2004-03-30
          first_distribution_date: 2004-04-25
        """;

    private static Deal Load(string body) => DealLoader.LoadText(Header + "\n" + body, "explain.yaml");

    private static PeriodMarket Market(int period, params (string, double)[] index) =>
        new(period, new DateOnly(2004, 4, 25).AddMonths(period - 1), 30, index.ToDictionary(x => x.Item1, x => x.Item2));

    public static (PeriodResult<decimal> Result, PeriodTrace Trace) Run(Deal deal, DealState<decimal> state, PeriodMarket market, GroupCollections<decimal> g)
    {
        var r = Waterfall.Distribute(deal, state, new PeriodCollections<decimal>([g]), market, out var trace);
        return (r, trace);
    }

    /// <summary>A-1 30,000 then A-2 970,000 at 6%; collections: 10,000 scheduled, 40,000 prepaid, 5,000 net interest.</summary>
    public static (Deal, PeriodResult<decimal>, PeriodTrace) Sequential()
    {
        var deal = Load("""
            groups:
              - name: "1"
                rep_lines:
                  - { balance: 1000000, gross_rate: 6.0, remaining_term: 360 }
            classes:
              - { name: A-1, group: "1", balance: 30000, type: senior, coupon: 6.0 }
              - { name: A-2, group: "1", balance: 970000, type: senior, coupon: 6.0 }
            waterfall:
              - pay_interest: { from: "1", classes: [A-1, A-2], psa: "Section 4.02(a)(i)" }
              - pay_principal: { from: "1", amount: non_po_principal, to: { sequential: [A-1, A-2] }, psa: "Section 4.02(a)(ii)", note: "sequential pay" }
            """);
        var (r, t) = Run(deal, DealState<decimal>.AtClosing(deal), Market(1),
            new GroupCollections<decimal> { BeginBalance = 1_000_000m, ScheduledPrincipal = 10_000m, Prepayments = 40_000m, NetInterest = 5_000m });
        return (deal, r, t);
    }

    /// <summary>
    /// Senior A 900,000, M 60,000, B 40,000 (6%); period 61 (year 6: the schedule would keep 70%), but 60+ day delinquencies
    /// of 60,000 on this and the five prior dates are above 50% of the subordinates' 100,000: the test fails and the share stays 100%.
    /// </summary>
    public static (Deal, PeriodResult<decimal>, PeriodTrace) FailedStepDown()
    {
        var deal = Load("""
            groups:
              - name: "1"
                rep_lines:
                  - { balance: 1000000, gross_rate: 6.0, remaining_term: 360 }
            classes:
              - { name: A, group: "1", balance: 900000, type: senior, coupon: 6.0 }
              - { name: M, group: "1", balance: 60000, type: subordinate, coupon: 6.0 }
              - { name: B, group: "1", balance: 40000, type: subordinate, coupon: 6.0 }
            shifting_interest:
              subordinates: [M, B]
              psa: "Senior Prepayment Percentage"
            waterfall:
              - pay_interest: { from: "1", classes: [A] }
              - pay_principal: { from: "1", amount: senior_principal, to: A }
              - pay_subordinates: { from: "1", classes: [M, B] }
            """);
        var state = DealState<decimal>.AtClosing(deal) with { Period = 61, SeriousDelinquencyHistory = [60_000m, 60_000m, 60_000m, 60_000m, 60_000m] };
        var (r, t) = Run(deal, state, Market(61), new GroupCollections<decimal>
        {
            BeginBalance = 1_000_000m, ScheduledPrincipal = 10_000m, Prepayments = 50_000m, NetInterest = 5_000m, SeriousDelinquency = 60_000m,
        });
        return (deal, r, t);
    }

    /// <summary>
    /// Strip 5.5%: a discount loan of 100,000 at net 4.95% (PO portion 10%) and a premium loan of 900,000 at net 6.5%.
    /// Class PO 10,000, A 990,000 at 5.5%, Class X the premium loans' excess interest (900,000 × 1% / 12 = 750).
    /// </summary>
    public static (Deal, PeriodResult<decimal>, PeriodTrace) PoX()
    {
        var deal = Load("""
            groups:
              - name: "1"
                servicing_fee: 0.25
                trustee_fee: 0.01
                strip_rate: 5.5
                rep_lines:
                  - { balance: 100000, gross_rate: 5.21, remaining_term: 360 }
                  - { balance: 900000, gross_rate: 6.76, remaining_term: 360 }
            classes:
              - { name: A, group: "1", balance: 990000, type: senior, coupon: 5.5 }
              - { name: PO, group: "1", balance: 10000, type: po }
              - { name: X, group: "1", type: notional_io, notional: premium_loans, coupon: strip_excess }
            waterfall:
              - pay_po: { group: "1", class: PO }
              - pay_interest: { from: "1", classes: [A, X] }
              - pay_principal: { from: "1", amount: senior_principal, to: A }
            """);
        var (r, t) = Run(deal, DealState<decimal>.AtClosing(deal), Market(1), new GroupCollections<decimal>
        {
            BeginBalance = 1_000_000m, ScheduledPrincipal = 10_000m, Prepayments = 20_000m, NetInterest = 5_287.50m,
            PoBeginBalance = 10_000m, PoScheduledPrincipal = 100m, PoPrepayments = 200m, ClassXExcessInterest = 750m, PremiumLoanBalance = 900_000m,
        });
        return (deal, r, t);
    }

    /// <summary>A 500,000 and Z 100,000 at 6%: Z's 500 of interest is added to its balance and paid to A as principal.</summary>
    public static (Deal, PeriodResult<decimal>, PeriodTrace) ZAccreting()
    {
        var deal = Load("""
            groups:
              - name: "1"
                rep_lines:
                  - { balance: 600000, gross_rate: 6.0, remaining_term: 360 }
            classes:
              - { name: A, group: "1", balance: 500000, type: senior, coupon: 6.0 }
              - { name: Z, group: "1", balance: 100000, type: [senior, accrual], coupon: 6.0 }
            waterfall:
              - pay_interest: { from: "1", classes: [A, Z] }
              - accrete: { class: Z, from: "1", to: { sequential: [A, Z] }, psa: "Accrual Distribution Amount" }
              - pay_principal: { from: "1", amount: non_po_principal, to: { sequential: [A, Z] } }
            """);
        var (r, t) = Run(deal, DealState<decimal>.AtClosing(deal), Market(1),
            new GroupCollections<decimal> { BeginBalance = 600_000m, ScheduledPrincipal = 5_000m, NetInterest = 3_000m });
        return (deal, r, t);
    }

    /// <summary>
    /// Floater A-1 1,000,000 at LIBOR + 0.5% capped at 7%, LIBOR 8%: due 7% (5,833.33 over 30 days ACT/360), short 1.5% (1,250.00).
    /// The corridor (notional 800,000, strike 6.5%, ceiling 9%) pays 800,000 × 1.5% × 30/360 = 1,000.00; 250.00 is carried.
    /// </summary>
    public static (Deal, PeriodResult<decimal>, PeriodTrace) CorridorBinding()
    {
        var deal = Load("""
            groups:
              - name: "1"
                rep_lines:
                  - { balance: 1000000, gross_rate: 8.0, remaining_term: 360 }
            classes:
              - { name: A-1, group: "1", balance: 1000000, type: [senior, floater], coupon: { index: LIBOR_1MO, margin: 0.5, cap: 7.0 } }
            waterfall:
              - pay_interest: { from: "1", classes: [A-1] }
              - pay_principal: { from: "1", amount: non_po_principal, to: A-1 }
            corridors:
              - { name: Test corridor, beneficiary: A-1, index: LIBOR_1MO, strike: 6.5, ceiling: 9.0, notional: [800000], psa: "Corridor Contract" }
            """);
        var (r, t) = Run(deal, DealState<decimal>.AtClosing(deal), Market(1, ("LIBOR_1MO", 0.08)),
            new GroupCollections<decimal> { BeginBalance = 1_000_000m, ScheduledPrincipal = 10_000m, NetInterest = 5_833.33m });
        return (deal, r, t);
    }
}
