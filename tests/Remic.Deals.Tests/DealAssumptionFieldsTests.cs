using Remic.Collateral;
using Remic.Deals.Loading;
using Remic.Deals.Projection;

namespace Remic.Deals.Tests;

/// <summary>deal.prepayment_assumption, a class's offered flag and assumptions.indices, as the loader reads them.</summary>
public class DealAssumptionFieldsTests
{
    private const string Fields = """
        deal:
          trust_name: Test Trust
          cutoff_date: 2004-03-01
          closing_date: 2004-03-30
          first_distribution_date: 2004-04-25
          prepayment_assumption: { start_cpr: 6, plateau_cpr: 20, months_to_plateau: 12 }
        groups:
          - name: "1"
            servicing_fee: 0.25
            rep_lines:
              - { balance: 1000000, gross_rate: 6.25, remaining_term: 360 }
        classes:
          - { name: A-1, group: "1", balance: 600000, type: [senior, floater], coupon: { index: LIBOR_1MO, margin: 0.4, cap: 8 } }
          - { name: A-2, group: "1", balance: 400000, type: senior, coupon: 6, offered: false }
        waterfall:
          - pay_interest: { from: "1", classes: [A-1, A-2] }
          - pay_principal: { from: "1", amount: senior_principal, to: { sequential: [A-1, A-2] } }
        assumptions:
          indices: { LIBOR_1MO: 1.10 }
        """;

    [Fact]
    public void The_three_fields_are_read_as_written()
    {
        var deal = DealLoader.LoadText(Fields, "fields.yaml");
        Assert.Equal(new PpcRamp(6, 20, 12), deal.Metadata.PrepaymentAssumption);
        Assert.Null(deal.Classes[0].Offered);
        Assert.False(deal.Classes[1].Offered);
        Assert.Equal(1.10m, deal.Assumptions.Indices["LIBOR_1MO"]);
        Assert.Equal(1.10m, deal.Assumptions.Indices["libor_1mo"]); // index names match as --index does: ignoring case
    }

    [Fact]
    public void A_file_without_them_has_none()
    {
        var deal = DealLoader.LoadText(MalformedDealTests.Valid, "valid.yaml");
        Assert.Null(deal.Metadata.PrepaymentAssumption);
        Assert.All(deal.Classes, c => Assert.Null(c.Offered));
        Assert.Empty(deal.Assumptions.Indices);
    }

    [Fact]
    public void A_PAC_band_in_PPC_is_read_on_the_deal_files_prepayment_assumption()
    {
        // The band "100 PPC" of a deal whose 100% PPC is 6 → 20 CPR is the schedule at that ramp, not at 8 → 20.
        const string pac = """
            deal:
              trust_name: Test Trust
              cutoff_date: 2004-03-01
              closing_date: 2004-03-30
              first_distribution_date: 2004-04-25
            groups:
              - name: "1"
                servicing_fee: 0.25
                rep_lines:
                  - { balance: 1000000, gross_rate: 6.25, remaining_term: 360 }
            classes:
              - { name: A-1, group: "1", balance: 600000, type: [senior, pac], coupon: 6, schedule: { band: ["100 PPC", "100 PPC"] } }
              - { name: A-2, group: "1", balance: 400000, type: senior, coupon: 6 }
            waterfall:
              - pay_interest: { from: "1", classes: [A-1, A-2] }
              - pay_principal: { from: "1", amount: senior_principal, to: { sequential: [{ to_schedule: A-1 }, A-2] } }
            """;
        var plain = DealLoader.LoadText(pac.Replace("[\"100 PPC\", \"100 PPC\"]", "[\"100 PPC\", \"101 PPC\"]"), "pac.yaml");
        var ramped = DealLoader.LoadText(pac.Replace("[\"100 PPC\", \"100 PPC\"]", "[\"100 PPC\", \"101 PPC\"]")
            .Replace("  first_distribution_date: 2004-04-25\n", "  first_distribution_date: 2004-04-25\n  prepayment_assumption: { start_cpr: 6, plateau_cpr: 20, months_to_plateau: 12 }\n"), "pac.yaml");
        Assert.Equal(PacSchedules.Resolve(plain, new PpcRamp(6, 20, 12)).Classes[0].Schedule!.Balances,
            PacSchedules.Resolve(ramped).Classes[0].Schedule!.Balances);
        Assert.NotEqual(PacSchedules.Resolve(plain).Classes[0].Schedule!.Balances,
            PacSchedules.Resolve(ramped).Classes[0].Schedule!.Balances);
    }
}
