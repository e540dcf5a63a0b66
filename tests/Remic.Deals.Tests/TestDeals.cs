using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Projection;
using Remic.Deals.Waterfall;

namespace Remic.Deals.Tests;

/// <summary>Small deals written as YAML (so the loader is exercised too) and hand-made collections.</summary>
internal static class TestDeals
{
    public const string Header = """
        deal:
          trust_name: Test Trust
          cutoff_date: 2004-03-01
          closing_date: 2004-03-30
          first_distribution_date: 2004-04-25
        """;

    /// <summary>One group "1" of one level-pay rep line (no fees unless given), classes and waterfall as given.</summary>
    public static Deal OneGroup(decimal balance, decimal grossRate, string classes, string waterfall, string extra = "",
        int term = 360, string groupExtra = "")
    {
        var yaml = $"""
            {Header}
            groups:
              - name: "1"
                {groupExtra}
                rep_lines:
                  - {"{"} balance: {balance}, gross_rate: {grossRate}, remaining_term: {term} {"}"}
            classes:
            {classes}
            waterfall:
            {waterfall}
            {extra}
            """;
        return DealLoader.LoadText(yaml, "test.yaml");
    }

    public static DealProjection Project(Deal deal, string prepay = "0 CPR", string dflt = "0 CDR", double severity = 0, int lag = 0,
        IReadOnlyDictionary<string, MonthlyVector>? indices = null, bool call = false) =>
        DealRunner.Run(deal, new Scenario
        {
            Prepay = Speed.Prepay(prepay),
            Default = Speed.Default(dflt),
            Severity = MonthlyVector.Flat(severity),
            RecoveryLag = lag,
            Indices = indices ?? new Dictionary<string, MonthlyVector>(),
        }, call);

    /// <summary>Collections for one group in exact dollars, as a trustee would key them.</summary>
    public static GroupCollections<decimal> Coll(decimal begin, decimal sched = 0, decimal prepay = 0, decimal liquidation = 0,
        decimal loss = 0, decimal interest = 0) => new()
        {
            BeginBalance = begin, ScheduledPrincipal = sched, Prepayments = prepay, LiquidationProceeds = liquidation,
            RealizedLoss = loss, NetInterest = interest, CumulativeLoss = loss,
        };

    public static PeriodMarket Market(int period, int days = 30, params (string Name, double Value)[] index) =>
        new(period, new DateOnly(2004, 4, 25).AddMonths(period - 1), days, index.ToDictionary(x => x.Name, x => x.Value));

    public static DealState<decimal> State(Deal deal, int period, params (string Class, decimal Balance)[] balances)
    {
        var s = DealState<decimal>.AtClosing(deal);
        var b = (decimal[])s.Balances.Clone();
        foreach (var (c, v) in balances) b[deal.ClassIndex(c)] = v;
        return s with { Period = period, Balances = b };
    }

    public static PeriodResult<decimal> Distribute(Deal deal, DealState<decimal> state, PeriodMarket market, params GroupCollections<decimal>[] groups) =>
        Waterfall.Waterfall.Distribute(deal, state, new PeriodCollections<decimal>(groups), market);

    public static int C(this Deal deal, string name) => deal.ClassIndex(name);
}
