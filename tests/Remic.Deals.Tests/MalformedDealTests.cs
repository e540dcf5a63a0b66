using Remic.Core;
using Remic.Deals.Loading;

namespace Remic.Deals.Tests;

/// <summary>Malformed deal files: each is rejected with file, line, column, field path and a plain sentence.</summary>
public class MalformedDealTests
{
    internal const string Valid = """
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
          - { name: A-1, group: "1", balance: 600000, type: senior, coupon: 6 }
          - { name: A-2, group: "1", balance: 400000, type: senior, coupon: 6 }
        waterfall:
          - pay_interest: { from: "1", classes: [A-1, A-2] }
          - pay_principal: { from: "1", amount: senior_principal, to: { sequential: [A-1, A-2] } }
        """;

    private const string Ramp = "  first_distribution_date: 2004-04-25\n";
    private const string FloaterA1 = "  - { name: A-1, group: \"1\", balance: 600000, type: [senior, floater], coupon: { index: LIBOR_1MO, margin: 0.4, cap: 8 } }\n";
    private const string A2 = "  - { name: A-2, group: \"1\", balance: 400000, type: senior, coupon: 6 }\n";
    private const string Floater = "  - { name: A-1, group: \"1\", balance: 600000, type: [senior, floater], coupon: 6 }\n";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "not YAML", "classes:", "classes: [",
            "bad.yaml:12:3: the file is not valid YAML: While parsing a node, did not find expected node content" },
        { "not a mapping", Valid, "- just a list",
            "bad.yaml:1:1: expected a YAML mapping with the sections deal, groups, classes and waterfall" },
        { "missing section", "waterfall:", "waterfal:",
            "bad.yaml:1:1 waterfall: missing required field 'waterfall'\nbad.yaml:14:1 waterfal: unknown field 'waterfal'; expected one of: assumptions, classes, clean_up_call, corridors, cross_collateral, deal, groups, losses, shifting_interest, strats_tape, waterfall" },
        { "unknown top-level field", "classes:\n", "clases: []\nclasses:\n",
            "bad.yaml:11:1 clases: unknown field 'clases'; expected one of: assumptions, classes, clean_up_call, corridors, cross_collateral, deal, groups, losses, shifting_interest, strats_tape, waterfall" },
        { "missing trust name", "  trust_name: Test Trust\n", "",
            "bad.yaml:2:3 deal.trust_name: missing required field 'trust_name'" },
        { "date with slashes", "cutoff_date: 2004-03-01", "cutoff_date: 2004/03/01",
            "bad.yaml:3:16 deal.cutoff_date: got '2004/03/01'; expected a date as YYYY-MM-DD" },
        { "no such calendar date", "cutoff_date: 2004-03-01", "cutoff_date: 2004-02-30",
            "bad.yaml:3:16 deal.cutoff_date: got '2004-02-30'; expected a calendar date as YYYY-MM-DD" },
        { "closing before cut-off", "closing_date: 2004-03-30", "closing_date: 2004-02-27",
            "bad.yaml:4:17 deal.closing_date: got '2004-02-27'; the closing date must not be before the cut-off date 2004-03-01" },
        { "negative balance", "balance: 1000000, gross_rate", "balance: -5, gross_rate",
            "bad.yaml:10:20 groups[0].rep_lines[0].balance: got '-5'; expected a balance above 0 and up to 10,000,000,000,000" },
        { "zero remaining term", "remaining_term: 360", "remaining_term: 0",
            "bad.yaml:10:63 groups[0].rep_lines[0].remaining_term: got '0'; expected a whole number of months from 1 to 600" },
        { "rate as text", "gross_rate: 6.25", "gross_rate: six",
            "bad.yaml:10:41 groups[0].rep_lines[0].gross_rate: got 'six'; expected a gross mortgage rate in percent" },
        { "unknown class type", "type: senior, coupon: 6 }\n  - { name: A-2", "type: seniorr, coupon: 6 }\n  - { name: A-2",
            "bad.yaml:12:53 classes[0].type: got 'seniorr'; expected a class type (senior, super_senior, senior_support, subordinate, po, notional_io, floater, inverse_floater, accrual, pac, tac, support, nas, residual) or a list of them" },
        { "coupon of no known form", "balance: 400000, type: senior, coupon: 6", "balance: 400000, type: senior, coupon: fixed",
            "bad.yaml:13:69 classes[1].coupon: got 'fixed'; expected a coupon: a fixed rate in percent, {index, multiplier, margin, cap, floor}, {net_wac: [groups], minus}, strip_excess or none" },
        { "unknown class in a priority list", "classes: [A-1, A-2] }", "classes: [A-1, A-3] }",
            "bad.yaml:15:47 waterfall[0].pay_interest.classes[1]: got 'A-3'; expected the name of a class defined under classes" },
        { "unknown group in from", "pay_principal: { from: \"1\"", "pay_principal: { from: \"2\"",
            "bad.yaml:16:28 waterfall[1].pay_principal.from: got '2'; expected a loan group defined under groups (1), or all" },
        { "balances do not add up", "balance: 400000", "balance: 400001.50",
            "bad.yaml:12:3 classes: the class balances add up to 1,000,001.50 but the loan groups' cut-off balance is 1,000,000.00 (difference 1.50); they must agree to the cent" },
        { "floater without an index", "  - { name: A-1, group: \"1\", balance: 600000, type: senior, coupon: 6 }\n", Floater,
            "bad.yaml:12:80 classes[0].coupon: a floater or inverse floater needs an index coupon such as {index: LIBOR_1MO, margin: 0.40, cap: 7.5}" },
        { "PAC without a schedule", "type: senior, coupon: 6 }\n  - { name: A-2", "type: [senior, pac], coupon: 6 }\n  - { name: A-2",
            "bad.yaml:12:5 classes[0]: a PAC or TAC class needs 'schedule': {balances: [...]} or {band: [\"100 PPC\", \"300 PPC\"]}" },
        { "overlapping PAC bands", "type: senior, coupon: 6 }\n  - { name: A-2, group: \"1\", balance: 400000, type: senior, coupon: 6 }",
            "type: [senior, pac], coupon: 6, schedule: { band: [\"100 PPC\", \"300 PPC\"] } }\n  - { name: A-2, group: \"1\", balance: 400000, type: [senior, pac], coupon: 6, schedule: { band: [\"200 PPC\", \"400 PPC\"] } }",
            "bad.yaml:13:97 classes[1].schedule.band: PAC band 200 PPC–400 PPC overlaps the band of A-1 (100 PPC–300 PPC); PAC bands in one group must be nested or apart" },
        { "inverted PAC band", "type: senior, coupon: 6 }\n  - { name: A-2", "type: [senior, pac], coupon: 6, schedule: { band: [\"300 PPC\", \"100 PPC\"] } }\n  - { name: A-2",
            "bad.yaml:12:97 classes[0].schedule.band: expected a band with the lower speed first and below the upper ('300 PPC' is not below '100 PPC')" },
        { "duplicate class name", "name: A-2", "name: A-1",
            "bad.yaml:13:13 classes[1].name: got 'A-1'; a class name must be unique; 'A-1' is already classes[0]\nbad.yaml:15:47 waterfall[0].pay_interest.classes[1]: got 'A-2'; expected the name of a class defined under classes\nbad.yaml:16:83 waterfall[1].pay_principal.to.sequential[1]: got 'A-2'; expected the name of a class defined under classes" },
        { "duplicate key", "  servicing_fee: 0.25\n", "  servicing_fee: 0.25\n    servicing_fee: 0.30\n",
            "bad.yaml:9:5: the file is not valid YAML: Duplicate key servicing_fee" },
        { "tape file missing", "    rep_lines:\n      - { balance: 1000000, gross_rate: 6.25, remaining_term: 360 }\n", "    tape: no-such-dir/group1.csv\n",
            $"bad.yaml:9:11 groups[0].tape: got 'no-such-dir/group1.csv'; no tape file at {Path.GetFullPath("no-such-dir/group1.csv")} (tape paths are relative to the deal file)" },
        { "split not adding to 100", "to: { sequential: [A-1, A-2] }", "to: { split: [ { percent: 60, to: A-1 }, { percent: 30, to: A-2 } ] }",
            "bad.yaml:16:72 waterfall[1].pay_principal.to.split: expected split percentages that add up to 100 (they add up to 90)" },
        { "two steps in one item", "- pay_interest: { from: \"1\", classes: [A-1, A-2] }", "- pay_interest: { from: \"1\", classes: [A-1, A-2] }\n    pay_residual: { from: \"1\", class: A-2 }",
            "bad.yaml:15:5 waterfall[0]: expected exactly one key: a waterfall step: pay_po, pay_interest, pay_principal, accrete, pay_po_deferred, pay_subordinates, pay_residual or when" },
        { "unknown principal amount", "amount: senior_principal", "amount: all_principal",
            "bad.yaml:16:41 waterfall[1].pay_principal.amount: got 'all_principal'; expected senior_principal, non_po_principal or remaining" },
        { "day count", "coupon: 6 }\n  - { name: A-2", "coupon: 6, day_count: 30/365 }\n  - { name: A-2",
            "bad.yaml:12:83 classes[0].day_count: got '30/365'; expected a day count: 30/360, ACT/360 or ACT/365" },
        { "notional class without notional", "  - { name: A-2, group: \"1\", balance: 400000, type: senior, coupon: 6 }\n",
            "  - { name: A-2, group: \"1\", balance: 400000, type: senior, coupon: 6 }\n  - { name: IO, group: \"1\", balance: 400000, type: notional_io, coupon: 1 }\n",
            "bad.yaml:14:5 classes[2]: a notional_io class needs 'notional': {classes: [...], factor: 1} or premium_loans" },
        { "accrual class never accreted", "balance: 400000, type: senior,", "balance: 400000, type: [senior, accrual],",
            "bad.yaml:13:53 classes[1].type: got 'accrual'; an accrual class needs an accrete step in the waterfall directing its accrual" },
        { "corridor ceiling below strike", "waterfall:", "corridors:\n  - { name: C, beneficiary: A-1, index: LIBOR_1MO, strike: 6, ceiling: 5, notional: [600000] }\nwaterfall:",
            "bad.yaml:15:72 corridors[0].ceiling: got '5'; expected a ceiling above the strike (6)" },
        { "prepayment assumption above 100 CPR", Ramp, Ramp + "  prepayment_assumption: { start_cpr: 120, plateau_cpr: 20, months_to_plateau: 12 }\n",
            "bad.yaml:6:39 deal.prepayment_assumption.start_cpr: got '120'; expected a CPR in percent from 0 to 100" },
        { "prepayment assumption reaching its plateau in month 0", Ramp, Ramp + "  prepayment_assumption: { start_cpr: 8, plateau_cpr: 20, months_to_plateau: 0 }\n",
            "bad.yaml:6:78 deal.prepayment_assumption.months_to_plateau: got '0'; expected a whole number of months ≥ 1" },
        { "prepayment assumption without its plateau", Ramp, Ramp + "  prepayment_assumption: { start_cpr: 8, months_to_plateau: 12 }\n",
            "bad.yaml:6:26 deal.prepayment_assumption.plateau_cpr: missing required field 'plateau_cpr'" },
        { "prepayment assumption with an unknown field", Ramp, Ramp + "  prepayment_assumption: { start_cpr: 8, plateau_cpr: 20, months: 12 }\n",
            "bad.yaml:6:26 deal.prepayment_assumption.months_to_plateau: missing required field 'months_to_plateau'\nbad.yaml:6:59 deal.prepayment_assumption.months: unknown field 'months'; expected one of: months_to_plateau, plateau_cpr, start_cpr" },
        { "offered as text", "coupon: 6 }\n  - { name: A-2", "coupon: 6, offered: yes please }\n  - { name: A-2",
            "bad.yaml:12:81 classes[0].offered: got 'yes please'; expected true or false" },
        { "assumed index in a deal without one", "waterfall:", "assumptions:\n  indices: { LIBOR_1MO: 1.10 }\nwaterfall:",
            "bad.yaml:15:14 assumptions.indices.LIBOR_1MO: got 'LIBOR_1MO'; the deal uses no index (no floater, corridor or ARM loan): remove it" },
        { "assumed index the deal does not use", "  - { name: A-1, group: \"1\", balance: 600000, type: senior, coupon: 6 }\n" + A2 + "waterfall:",
            FloaterA1 + A2 + "assumptions:\n  indices: { LIBOR_1MO: 1.10, LIBOR_3MO: 1.20 }\nwaterfall:",
            "bad.yaml:15:31 assumptions.indices.LIBOR_3MO: got 'LIBOR_3MO'; expected an index the deal uses (LIBOR_1MO)" },
        { "assumed index level as text", "waterfall:", "assumptions:\n  indices: { LIBOR_1MO: low }\nwaterfall:",
            "bad.yaml:15:25 assumptions.indices.LIBOR_1MO: got 'low'; expected a number" },
        { "unknown field in a nested flow mapping", "waterfall:", "clean_up_call: { percent: 10, x: 1 }\nwaterfall:",
            "bad.yaml:14:31 clean_up_call.x: unknown field 'x'; expected one of: percent" },
        { "unknown field under assumptions", "waterfall:", "assumptions:\n  index: { LIBOR_1MO: 1.10 }\nwaterfall:",
            "bad.yaml:15:3 assumptions.index: unknown field 'index'; expected one of: indices" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_rejected_with_an_exact_message(string what, string find, string replace, string expected)
    {
        var yaml = find == Valid ? replace : Valid.Replace(find, replace);
        Assert.NotEqual(Valid, yaml);
        var e = Assert.Throws<RemicInputException>(() => DealLoader.LoadText(yaml, "bad.yaml"));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void The_valid_base_file_loads()
    {
        var deal = DealLoader.LoadText(Valid, "bad.yaml");
        Assert.Equal(2, deal.Classes.Count);
    }
}
