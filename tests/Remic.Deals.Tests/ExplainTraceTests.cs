using CsCheck;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Explain;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Projection;
using Remic.Deals.Waterfall;

namespace Remic.Deals.Tests;

/// <summary>
/// Issue 16: the trace is a faithful account of the run. With the trace on, the run's figures are the same bits as
/// without it; and for every class of every period, what the trace says the class received (interest, principal,
/// accretion, losses, corridor, Class PO Deferred Amounts, residual) adds up to the run's figures to the cent — on
/// every example deal and on random property-test deals.
/// </summary>
public class ExplainTraceTests
{
    private static readonly Dictionary<string, MonthlyVector> Libor = new() { ["LIBOR_1MO"] = new([0.011, 0.03, 0.055, 0.065, 0.08, 0.095]) };

    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        var files = Directory.GetFiles(Path.Combine(SampleDealTests.RepoRoot(), "examples"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(SampleDealTests.RepoRoot(), "examples"), f).Replace('\\', '/')).Order();
        foreach (var f in files)
        {
            data.Add(f, "0 PPC", "0 CDR");
            data.Add(f, "100 PPC", "5 CDR");
            data.Add(f, "300 PPC", "5 CDR");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_deal_traces_what_it_pays_to_the_cent(string file, string prepay, string dflt)
    {
        var deal = DealLoader.Load(Path.Combine(SampleDealTests.RepoRoot(), "examples", file));
        var scenario = new Scenario { Prepay = Speed.Prepay(prepay), Default = Speed.Default(dflt), Severity = MonthlyVector.Flat(0.5), RecoveryLag = 6, Indices = Libor };
        Check(deal, scenario, call: false, $"{file} {prepay} {dflt}");
    }

    [Fact]
    public void Random_deals_trace_what_they_pay_to_the_cent()
    {
        var cases = from seed in Gen.Int
                    from groups in Gen.Int[1, 3]
                    from subs in Gen.Int[0, 3]
                    from cpr in Gen.Double[0, 60]
                    from cdr in Gen.Double[0, 10]
                    from sev in Gen.Double[0, 1]
                    from lag in Gen.Int[0, 12]
                    from call in Gen.Bool
                    select (seed, groups, subs, cpr, cdr, sev, lag, call);
        cases.Sample(c =>
        {
            var deal = DealLoader.LoadText(RandomDeals.Build(c.seed, c.groups, c.subs, overCoupon: c.seed % 2 == 0), "random.yaml");
            var scenario = new Scenario
            {
                Prepay = Speed.Prepay($"{c.cpr:0.###} CPR"), Default = Speed.Default($"{c.cdr:0.###} CDR"), Severity = MonthlyVector.Flat(c.sev), RecoveryLag = c.lag,
            };
            Check(deal, scenario, c.call, c.ToString());
        }, iter: 25, print: c => $"{c}\n{RandomDeals.Build(c.seed, c.groups, c.subs, overCoupon: c.seed % 2 == 0)}");
    }

    private static void Check(Deal deal, Scenario scenario, bool call, string where)
    {
        var plain = DealRunner.Run(deal, scenario, call);
        var traced = DealRunner.Run(deal, scenario, call, TracePeriods.All);
        Assert.Equal(plain.Periods.Count, traced.Periods.Count);
        Assert.Equal(plain.Periods.Count, traced.Traces.Count);
        for (var i = 0; i < plain.Periods.Count; i++)
        {
            var (a, b, t) = (plain.Periods[i], traced.Periods[i], traced.Traces[i]);
            var at = $"{where}, period {a.Period}";
            Assert.Equal(a.Period, t.Period);
            foreach (var (name, x, y) in new (string, double[], double[])[]
                     {
                         ("interest", a.InterestPaid, b.InterestPaid), ("principal", a.Principal, b.Principal), ("loss", a.Loss, b.Loss),
                         ("accretion", a.Accretion, b.Accretion), ("end balance", a.EndBalance, b.EndBalance), ("corridor", a.CorridorPaid, b.CorridorPaid),
                         ("unpaid", a.UnpaidInterest, b.UnpaidInterest), ("senior principal", a.SeniorPrincipal, b.SeniorPrincipal),
                     })
                Assert.True(x.SequenceEqual(y), $"{at}: {name} differs with the trace on");
            for (var c = 0; c < deal.Classes.Count; c++)
            {
                var n = deal.Classes[c].Name;
                foreach (var (flow, figure) in new (TraceFlow, double)[]
                         {
                             (TraceFlow.Interest, a.InterestPaid[c]), (TraceFlow.Principal, a.Principal[c]), (TraceFlow.Accretion, a.Accretion[c]),
                             (TraceFlow.Loss, a.Loss[c]), (TraceFlow.Corridor, a.CorridorPaid[c]), (TraceFlow.PoDeferred, a.PoDeferredPaid[c]),
                             (TraceFlow.Residual, a.Residual[c]),
                         })
                {
                    var said = t.Received(n, flow);
                    if (Math.Abs((double)said - figure) >= 0.005)
                        Assert.Fail($"{at}: the trace says {n} received {flow} {said:F6}; the run says {figure:F6}");
                }
                var o = t.Class(n);
                Assert.True(Math.Abs((double)o.EndBalance - a.EndBalance[c]) < 0.005, $"{at}: {n} end balance {o.EndBalance} vs {a.EndBalance[c]}");
            }
        }
    }

    [Fact]
    public void A_period_outside_the_run_is_an_input_error()
    {
        var deal = DealLoader.Load(SampleDealTests.SamplePath);
        var scenario = new Scenario { Prepay = Speed.Prepay("100 PPC") };
        var last = DealRunner.Run(deal, scenario).Periods.Count;
        var e = Assert.Throws<RemicInputException>(() => Explainer.Explain(deal, scenario, last + 1));
        Assert.Equal($"--period: got '{last + 1}'; a distribution period from 1 to {last} (the deal's last distribution under this scenario)", e.Message);
        e = Assert.Throws<RemicInputException>(() => Explainer.Explain(deal, scenario, 0));
        Assert.Equal("--period: got '0'; a distribution period of 1 or more (1 = the first distribution date)", e.Message);
        e = Assert.Throws<RemicInputException>(() => Explainer.Explain(deal, scenario, 3, "B9"));
        Assert.StartsWith("--class: got 'B9'; a class of the deal; did you mean ", e.Message);
        Assert.Equal(3, Explainer.Explain(deal, scenario, 3, "b-1").Period); // any case
    }

    [Fact]
    public void Steps_carry_their_deal_file_line_psa_and_note()
    {
        var deal = DealLoader.LoadText(TestDeals.Header + """

            groups:
              - name: "1"
                rep_lines:
                  - { balance: 1000000, gross_rate: 6.0, remaining_term: 360 }
            classes:
              - { name: A, group: "1", balance: 1000000, type: senior, coupon: 6.0 }
            waterfall:
              - pay_interest: { from: "1", classes: [A], psa: "Section 4.02(a)(i)", note: "current and unpaid interest" }
              - when:
                  if: step_down_passed
                  then:
                    - pay_principal: { from: "1", amount: non_po_principal, to: A, psa: "Section 4.02(a)(ii)" }
                  psa: "Section 4.02(a)"
            """, "lines.yaml");
        Assert.Equal(new SourceRef(13, "Section 4.02(a)(i)", "current and unpaid interest"), deal.Waterfall[0].Source);
        Assert.Equal(new SourceRef(14, "Section 4.02(a)"), deal.Waterfall[1].Source);
        Assert.Equal(new SourceRef(17, "Section 4.02(a)(ii)"), ((When)deal.Waterfall[1]).Then[0].Source);
        Assert.Equal(11, deal.Sources.Class(0).Line);
        var trace = Explainer.Explain(deal, new Scenario { Prepay = Speed.Prepay("10 CPR") }, 1);
        var pay = trace.Entries.Single(e => e.Kind == TraceKind.Step && e.Term == "Principal Distribution Amount (non-PO)");
        Assert.Equal((17, "Section 4.02(a)(ii)"), (pay.Line, pay.Psa));
        Assert.Equal(TraceKind.Step, trace.Entries[pay.Parent!.Value].Kind);       // nested under its when
        Assert.Equal("when step_down_passed: holds, its then steps run", trace.Entries[pay.Parent!.Value].Rule);
    }

    [Fact]
    public void A_psa_reference_that_is_not_text_is_refused_at_its_line()
    {
        var e = Assert.Throws<RemicInputException>(() => DealLoader.LoadText(TestDeals.Header + """

            groups:
              - name: "1"
                rep_lines:
                  - { balance: 1000000, gross_rate: 6.0, remaining_term: 360 }
            classes:
              - { name: A, group: "1", balance: 1000000, type: senior, coupon: 6.0 }
            waterfall:
              - pay_interest: { from: "1", classes: [A], psa: 4.02 }
            """, "bad.yaml"));
        Assert.Equal("bad.yaml:13:51 waterfall[0].pay_interest.psa: got '4.02'; expected the PSA or prospectus provision this implements, as the document numbers it, e.g. \"Section 4.02(a)(ii)\" (1 to 200 characters)", e.Message);
    }
}
