using System.Text;

namespace Remic.Cli.Tests.Hostile;

/// <summary>
/// The crafted inputs of issue 18, items 10–16: each a command line against a scratch folder, with the exit code and
/// the exact first line of stderr it must produce. {dir} in arguments and expected lines stands for the folder.
/// </summary>
internal static class HostileCases
{
    private const string Run = "run", Deal = "{dir}/deal.yaml";

    // Pieces of examples/sample/deal.yaml and structures.yaml that cases replace.
    private const string Line1 = "{ id: 1-discount, balance: 10000000, gross_rate: 5.50, remaining_term: 358, age: 2, loan_count: 50 }";
    private const string A1 = "{ name: 1-A-1, group: \"1\", balance: 30000000, type: senior, coupon: 5.50 }";
    private const string Trust = "trust_name: Sample Alternative Loan Trust 2004-S1";
    private const string Floater = "coupon: { index: LIBOR_1MO, margin: 0.40, cap: 6.0, floor: 0.40, net_wac_cap: [\"1\"] }";
    private const string Waterfall1 = "- pay_interest: { from: \"1\", classes: [A-R, 1-A-1, 1-A-2, 1-X] }";

    private static string RepLine(string fields) => $"{{ id: 1-discount, balance: 10000000, gross_rate: 5.50, {fields} }}";

    private static HostileCase Sample(string id, int item, (string, string)[] edits, string[] args, int exit, string first) =>
        new(id, item, s => s.Sample(edits), args, exit, first);

    private static HostileCase SampleRun(string id, int item, (string, string)[] edits, int exit, string first) =>
        Sample(id, item, edits, [Run, Deal], exit, first);

    private static HostileCase Structures(string id, int item, (string, string)[] edits, string[] args, int exit, string first) =>
        new(id, item, s => s.Structures(edits), args, exit, first);

    private static HostileCase Trustee(string id, int item, string[] args, int exit, string first) =>
        new(id, item, s => { s.Ledger(); s.Write("deal.yaml", HostileScene.SampleText); }, args, exit, first);

    private static readonly string Digits400 = new('9', 400);

    public static IEnumerable<HostileCase> All() =>
        Item10().Concat(Item11()).Concat(Item12()).Concat(Item13()).Concat(Item14()).Concat(Item15()).Concat(Item16());

    private static IEnumerable<HostileCase> Item10()
    {
        yield return SampleRun("10-for-11-digits", 10, [], 2, "error: --prepay: got '5 CPR for 99999999999'; 'for N' needs N from 1 to 1200 months; expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)") with { Args = [Run, Deal, "--prepay", "5 CPR for 99999999999, then 20 CPR"] };
        yield return SampleRun("10-for-1201", 10, [], 2, "error: --prepay: got '5 CPR for 1201'; 'for N' needs N from 1 to 1200 months; expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)") with { Args = [Run, Deal, "--prepay", "5 CPR for 1201, then 20 CPR"] };
        yield return SampleRun("10-lag-int-max", 10, [], 2, "error: --lag: got '2147483647'; expected a whole number of months from 0 to 120") with { Args = [Run, Deal, "--lag", "2147483647"] };
        yield return SampleRun("10-lag-121", 10, [], 2, "error: --lag: got '121'; expected a whole number of months from 0 to 120") with { Args = [Run, Deal, "--lag", "121"] };
        yield return SampleRun("10-lag-11-digits", 10, [], 2, "error: --lag: got '99999999999'; expected a whole number of months from 0 to 120") with { Args = [Run, Deal, "--lag", "99999999999"] };
        yield return SampleRun("10-lag-negative", 10, [], 2, "error: --lag: got '-1'; expected a whole number of months from 0 to 120") with { Args = [Run, Deal, "--lag", "-1"] };
        yield return SampleRun("10-sda-99999", 10, [], 2, "error: --default: got '99999 SDA'; a speed above 10000 is out of range; expected a default speed such as '100 SDA', '2 CDR' or '0.1 MDR' (units CDR, MDR or SDA)") with { Args = [Run, Deal, "--default", "99999 SDA"] };
        yield return SampleRun("10-ppc-10001", 10, [], 2, "error: --prepay: got '10001 PPC'; a speed above 10000 is out of range; expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)") with { Args = [Run, Deal, "--prepay", "10001 PPC"] };
        yield return SampleRun("10-vector-1300-parts", 10, [], 2, "error: --prepay: got '5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,'; a speed vector may span at most 1200 months; expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)") with { Args = [Run, Deal, "--prepay", string.Join(",", Enumerable.Repeat("5", 1300)) + " CPR"] };
        yield return SampleRun("10-age-beyond-int", 10, [(Line1, RepLine("remaining_term: 358, age: 99999999999, loan_count: 50"))], 2, "error: {dir}/deal.yaml:25:90 groups[0].rep_lines[0].age: got '99999999999'; expected a loan age in months, a whole number from 0 to 600");
        yield return SampleRun("10-age-601", 10, [(Line1, RepLine("remaining_term: 358, age: 601, loan_count: 50"))], 2, "error: {dir}/deal.yaml:25:90 groups[0].rep_lines[0].age: got '601'; expected a loan age in months, a whole number from 0 to 600");
        yield return SampleRun("10-io-beyond-int", 10, [(Line1, RepLine("remaining_term: 358, age: 2, io_term: 99999999999"))], 2, "error: {dir}/deal.yaml:25:102 groups[0].rep_lines[0].io_term: got '99999999999'; expected an interest-only term in months, a whole number from 0 to 600");
        yield return SampleRun("10-balloon-601", 10, [(Line1, RepLine("remaining_term: 358, age: 2, balloon_term: 601"))], 2, "error: {dir}/deal.yaml:25:107 groups[0].rep_lines[0].balloon_term: got '601'; expected a balloon age in months, a whole number from 0 (none) to 600");
        yield return SampleRun("10-balance-7.9e28", 10, [(Line1, RepLine("remaining_term: 358, age: 2").Replace("balance: 10000000", "balance: 7.9e28"))], 2, "error: {dir}/deal.yaml:25:36 groups[0].rep_lines[0].balance: got '79000000000000000000000000000'; expected a balance above 0 and up to 10,000,000,000,000");
        yield return SampleRun("10-balance-1e14", 10, [(Line1, RepLine("remaining_term: 358, age: 2").Replace("balance: 10000000", "balance: 100000000000000"))], 2, "error: {dir}/deal.yaml:25:36 groups[0].rep_lines[0].balance: got '100000000000000'; expected a balance above 0 and up to 10,000,000,000,000");
        yield return SampleRun("10-class-balance-1e14", 10, [(A1, A1.Replace("balance: 30000000", "balance: 100000000000000"))], 2, "error: {dir}/deal.yaml:37:41 classes[1].balance: got '100000000000000'; expected a non-negative dollar amount up to 10,000,000,000,000");
        yield return SampleRun("10-first-distribution-9999", 10, [("first_distribution_date: 2004-04-25", "first_distribution_date: 9999-12-25")], 2, "error: {dir}/deal.yaml:14:28 deal.first_distribution_date: got '9999-12-25'; expected a date from 1970-01-01 to 2100-12-31");
        yield return SampleRun("10-cutoff-1969", 10, [("cutoff_date: 2004-03-01", "cutoff_date: 1969-12-01")], 2, "error: {dir}/deal.yaml:12:16 deal.cutoff_date: got '1969-12-01'; expected a date from 1970-01-01 to 2100-12-31");
        yield return SampleRun("10-settlement-2101", 10, [("settlement_date: 2004-03-30", "settlement_date: 2101-03-30")], 2, "error: {dir}/deal.yaml:17:20 deal.settlement_date: got '2101-03-30'; expected a date from 1970-01-01 to 2100-12-31");
        yield return SampleRun("10-ramp-months-11-digits", 10, [("  distribution_day: 25", "  distribution_day: 25\n  prepayment_assumption: { start_cpr: 8, plateau_cpr: 20, months_to_plateau: 99999999999 }")], 2, "error: {dir}/deal.yaml:16:78 deal.prepayment_assumption.months_to_plateau: got '99999999999'; expected the month the ramp reaches the plateau, a whole number from 1 to 600");
        yield return SampleRun("10-two-times-month-huge", 10, [("  class_prepayment_triggers: true", "  class_prepayment_triggers: true\n  two_times_test: { month: 99999999999 }")], 2, "error: {dir}/deal.yaml:56:28 shifting_interest.two_times_test.month: got '99999999999'; expected a distribution month from 1 to 600");
        yield return SampleRun("10-shift-percent-huge", 10, [("senior_prepayment_shift: [100, 100,", "senior_prepayment_shift: [1e20, 100,")], 2, "error: {dir}/deal.yaml:53:29 shifting_interest.senior_prepayment_shift[0]: got '100000000000000000000'; expected a number at most 10000");
        yield return SampleRun("10-call-percent-101", 10, [("clean_up_call: { percent: 10 }", "clean_up_call: { percent: 101 }")], 2, "error: {dir}/deal.yaml:72:27 clean_up_call.percent: got '101'; expected a number at most 100");
        yield return Sample("10-price-29-digits", 10, [], ["price", Deal, "--class", "1-A-1", "--prices", "99999999999999999999999999999"], 2, "error: --prices: got '99999999999999999999999999999'; expected a price in percent of face as points-32nds ('99-16', '99-16+', '99-162': a third digit counts eighths of a 32nd) or a decimal ('99.5')");
        yield return Sample("10-price-1001-32nds", 10, [], ["price", Deal, "--class", "1-A-1", "--prices", "1001-00"], 2, "error: --prices: got '1001-00'; a price above 1000 is out of range; expected a price in percent of face as points-32nds ('99-16', '99-16+', '99-162': a third digit counts eighths of a 32nd) or a decimal ('99.5')");
        yield return Sample("10-price-settle-9999", 10, [], ["price", Deal, "--class", "1-A-1", "--settle", "9999-01-01"], 2, "error: --settle: got '9999-01-01'; a date from 1970-01-01 to 2100-12-31");
        yield return Sample("10-cm-settle-2101", 10, [], ["cm", Deal, "--settle", "2101-01-01", "--out", "{dir}/book"], 2, "error: --settle: got '2101-01-01'; a date from 1970-01-01 to 2100-12-31");
        yield return Sample("10-ppc-ramp-months-huge", 10, [], [Run, Deal, "--ppc-ramp", "8,20,99999999999"], 2, "error: --ppc-ramp: got '8,20,99999999999'; expected 'start CPR, plateau CPR, months to plateau', e.g. '8,20,12'");
        yield return Sample("10-ppc-ramp-months-601", 10, [], [Run, Deal, "--ppc-ramp", "8,20,601"], 2, "error: --ppc-ramp: got '8,20,601'; expected 'start CPR, plateau CPR, months to plateau', e.g. '8,20,12'");
        yield return new HostileCase("10-tape-balance-1e14", 10, s => s.Write("tape.csv", HostileScene.TapeText.Replace("L0001,2,648000.00,648000.00", "L0001,2,100000000000000.00,100000000000000.00")),
            ["collateral", "--tape", "{dir}/tape.csv"], 2, "error: {dir}/tape.csv:5 balance: got '100000000000000.00'; a current balance in dollars, greater than 0 and at most 10,000,000,000,000 (e.g. 250000.00)");
        yield return new HostileCase("10-tape-balance-29-digits", 10, s => s.Write("tape.csv", HostileScene.TapeText.Replace("L0001,2,648000.00,648000.00", "L0001,2,99999999999999999999999999999,99999999999999999999999999999")),
            ["collateral", "--tape", "{dir}/tape.csv"], 2, "error: {dir}/tape.csv:5 balance: got '99999999999999999999999999999'; a current balance in dollars, greater than 0 and at most 10,000,000,000,000 (e.g. 250000.00)");
        yield return Trustee("10-remit-period-9999", 10, ["trustee", "remit", "2004-S1", "--period", "9999-12", "--file", "{dir}/remittance-2004-05.csv", "--db", "{dir}/ledger.db"], 2, "error: --period: got '9999-12'; expected a month from 1970-01 to 2100-12");
        yield return Trustee("10-close-period-2101", 10, ["trustee", "close", "2004-S1", "--period", "2101-01", "--db", "{dir}/ledger.db"], 2, "error: --period: got '2101-01'; expected a month from 1970-01 to 2100-12");
        yield return Trustee("10-statement-period-1969", 10, ["trustee", "statement", "2004-S1", "--period", "1969-12", "--db", "{dir}/ledger.db"], 2, "error: --period: got '1969-12'; expected a month from 1970-01 to 2100-12");
        yield return Sample("10-collateral-months-huge", 10, [], ["collateral", "--balance", "100000", "--gross", "6", "--net", "5.5", "--wam", "360", "--months", "99999999999"], 2, "error: --months: got '99999999999'; a number of months from 1 to 1200");
    }

    private static IEnumerable<HostileCase> Item11()
    {
        yield return SampleRun("11-severity-nan", 11, [], 2, "error: --severity: got 'NaN'; expected a percent from 0 to 100, or a comma-separated monthly vector of them") with { Args = [Run, Deal, "--default", "5 CDR", "--severity", "NaN"] };
        yield return SampleRun("11-severity-infinity", 11, [], 2, "error: --severity: got 'Infinity'; expected a percent from 0 to 100, or a comma-separated monthly vector of them") with { Args = [Run, Deal, "--default", "5 CDR", "--severity", "Infinity"] };
        yield return SampleRun("11-severity-vector-nan", 11, [], 2, "error: --severity: got 'NaN'; expected a percent from 0 to 100, or a comma-separated monthly vector of them") with { Args = [Run, Deal, "--default", "5 CDR", "--severity", "30,NaN,40"] };
        yield return SampleRun("11-severity-1e400", 11, [], 2, "error: --severity: got '1e400'; expected a percent from 0 to 100, or a comma-separated monthly vector of them") with { Args = [Run, Deal, "--severity", "1e400"] };
        yield return Structures("11-index-nan", 11, [], [Run, Deal, "--index", "LIBOR_1MO=NaN"], 2, "error: --index LIBOR_1MO: got 'NaN'; expected a percent from 0 to 100, or a comma-separated monthly vector of them");
        yield return Structures("11-index-infinity", 11, [], [Run, Deal, "--index", "LIBOR_1MO=Infinity"], 2, "error: --index LIBOR_1MO: got 'Infinity'; expected a percent from 0 to 100, or a comma-separated monthly vector of them");
        yield return Structures("11-index-1e400", 11, [], [Run, Deal, "--index", "LIBOR_1MO=1e400"], 2, "error: --index LIBOR_1MO: got '1e400'; expected a percent from 0 to 100, or a comma-separated monthly vector of them");
        yield return Structures("11-index-vector-nan", 11, [], [Run, Deal, "--index", "LIBOR_1MO=1.1,NaN"], 2, "error: --index LIBOR_1MO: got 'NaN'; expected a percent from 0 to 100, or a comma-separated monthly vector of them");
        yield return new HostileCase("11-index-file-nan", 11, s => { s.Structures(); s.Write("idx.csv", "period,LIBOR_1MO\n2007-05,1.1\n2007-06,NaN\n"); }, [Run, Deal, "--index", "{dir}/idx.csv"], 2, "error: {dir}/idx.csv:3 LIBOR_1MO: got 'NaN'; expected the index in percent from 0 to 100, e.g. 5.32");
        yield return new HostileCase("11-index-file-1e400", 11, s => { s.Structures(); s.Write("idx.csv", "period,LIBOR_1MO\n2007-05,1e400\n"); }, [Run, Deal, "--index", "{dir}/idx.csv"], 2, "error: {dir}/idx.csv:2 LIBOR_1MO: got '1e400'; expected the index in percent from 0 to 100, e.g. 5.32");
        yield return new HostileCase("11-index-file-infinity", 11, s => { s.Structures(); s.Write("idx.csv", "period,LIBOR_1MO\n2007-05,-Infinity\n"); }, [Run, Deal, "--index", "{dir}/idx.csv"], 2, "error: {dir}/idx.csv:2 LIBOR_1MO: got '-Infinity'; expected the index in percent from 0 to 100, e.g. 5.32");
        yield return Sample("11-ppc-ramp-nan", 11, [], [Run, Deal, "--ppc-ramp", "NaN,20,12"], 2, "error: --ppc-ramp: got 'NaN,20,12'; expected 'start CPR, plateau CPR, months to plateau', e.g. '8,20,12'");
        yield return Sample("11-ppc-ramp-infinity", 11, [], [Run, Deal, "--ppc-ramp", "8,Infinity,12"], 2, "error: --ppc-ramp: got '8,Infinity,12'; expected 'start CPR, plateau CPR, months to plateau', e.g. '8,20,12'");
        yield return Sample("11-price-nan", 11, [], ["price", Deal, "--class", "1-A-1", "--prices", "NaN"], 2, "error: --prices: got 'NaN'; expected a price in percent of face as points-32nds ('99-16', '99-16+', '99-162': a third digit counts eighths of a 32nd) or a decimal ('99.5')");
        yield return Sample("11-cm-index-nan", 11, [], ["cm", "{dir}/deal.yaml", "--index", "LIBOR_1MO=NaN", "--out", "{dir}/book"], 2, "error: --index: got 'NaN'; NAME=rate in percent, or NAME=r1,r2,... by month (e.g. LIBOR_6MO=1.85)") with { Setup = s => s.Structures() };
        yield return Sample("11-collateral-severity-nan", 11, [], ["collateral", "--balance", "100000", "--gross", "6", "--net", "5.5", "--wam", "360", "--default", "2 CDR", "--severity", "NaN"], 2, "error: --severity: got 'NaN'; a loss severity in percent from 0 to 100");
        yield return Sample("11-collateral-balance-infinity", 11, [], ["collateral", "--balance", "Infinity", "--gross", "6", "--net", "5.5", "--wam", "360"], 2, "error: --balance: got 'Infinity'; a balance in dollars greater than 0, e.g. 100000000");
        yield return Sample("11-collateral-index-nan", 11, [], ["collateral", "--balance", "100000", "--gross", "6", "--net", "5.5", "--wam", "360", "--index", "LIBOR_1MO=NaN"], 2, "error: --index: got 'NaN'; NAME=rate in percent, or NAME=r1,r2,... by month (e.g. LIBOR_6MO=1.85)");
        yield return Trustee("11-close-libor-nan", 11, ["trustee", "close", "2004-S1", "--period", "2004-05", "--libor", "NaN", "--db", "{dir}/ledger.db"], 2, "error: --libor: got 'NaN'; a rate in percent from 0 to 100, e.g. 5.32");
        yield return Trustee("11-close-libor-infinity", 11, ["trustee", "close", "2004-S1", "--period", "2004-05", "--libor", "Infinity", "--db", "{dir}/ledger.db"], 2, "error: --libor: got 'Infinity'; a rate in percent from 0 to 100, e.g. 5.32");
        yield return Trustee("11-close-libor-1e400", 11, ["trustee", "close", "2004-S1", "--period", "2004-05", "--libor", "1e400", "--db", "{dir}/ledger.db"], 2, "error: --libor: got '1e400'; a rate in percent from 0 to 100, e.g. 5.32");
        yield return SampleRun("11-prepay-nan", 11, [], 2, "error: --prepay: got 'NaN PSA'; cannot read this part of the speed; expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)") with { Args = [Run, Deal, "--prepay", "NaN PSA"] };
        yield return SampleRun("11-default-infinity", 11, [], 2, "error: --default: got 'Infinity CDR'; cannot read this part of the speed; expected a default speed such as '100 SDA', '2 CDR' or '0.1 MDR' (units CDR, MDR or SDA)") with { Args = [Run, Deal, "--default", "Infinity CDR"] };
    }

    private static IEnumerable<HostileCase> Item12()
    {
        yield return SampleRun("12-age-1000", 12, [(Line1, RepLine("remaining_term: 358, age: 1000, loan_count: 50"))], 2, "error: {dir}/deal.yaml:25:90 groups[0].rep_lines[0].age: got '1000'; expected a loan age in months, a whole number from 0 to 600");
        yield return SampleRun("12-age-plus-term-over-600", 12, [(Line1, RepLine("remaining_term: 358, age: 300, loan_count: 50"))], 2, "error: {dir}/deal.yaml:25:90 groups[0].rep_lines[0].age: got '300'; age + remaining_term (658) at most 600 months (the original term it implies)");
        yield return SampleRun("12-age-vs-original-term", 12, [(Line1, RepLine("remaining_term: 358, age: 30, original_term: 360"))], 2, "error: {dir}/deal.yaml:25:90 groups[0].rep_lines[0].age: got '30'; age + remaining_term (388) between original_term − 12 (348) and original_term + 1 (361)");
        yield return SampleRun("12-remaining-over-original", 12, [(Line1, RepLine("remaining_term: 358, age: 2, original_term: 300"))], 2, "error: {dir}/deal.yaml:25:80 groups[0].rep_lines[0].remaining_term: got '358'; a remaining term no longer than original_term (300)");
        yield return SampleRun("12-io-beyond-term", 12, [(Line1, RepLine("remaining_term: 358, age: 2, io_term: 400"))], 2, "error: {dir}/deal.yaml:25:102 groups[0].rep_lines[0].io_term: got '400'; an interest-only term no longer than the original term (360)");
        yield return SampleRun("12-balloon-beyond-term", 12, [(Line1, RepLine("remaining_term: 358, age: 2, balloon_term: 400"))], 2, "error: {dir}/deal.yaml:25:107 groups[0].rep_lines[0].balloon_term: got '400'; a balloon age no later than the original term (360), or 0 for no balloon");
        yield return SampleRun("12-balloon-before-age", 12, [(Line1, RepLine("remaining_term: 358, age: 2, balloon_term: 1"))], 2, "error: {dir}/deal.yaml:25:107 groups[0].rep_lines[0].balloon_term: got '1'; a balloon age after the loan's current age (2), or 0 for no balloon");
        yield return SampleRun("12-line-fee-above-rate", 12, [(Line1, RepLine("remaining_term: 358, age: 2, servicing_fee: 7"))], 2, "error: {dir}/deal.yaml:25:58 groups[0].rep_lines[0].gross_rate: got '5.50'; a gross rate no lower than servicing_fee + trustee_fee + lpmi_fee (7.01); the net rate would be negative");
        yield return SampleRun("12-group-fee-above-rate", 12, [("    servicing_fee: 0.25\n    trustee_fee: 0.01\n    strip_rate: 5.50\n    rep_lines:\n      - { id: 1-discount", "    servicing_fee: 5.6\n    trustee_fee: 0.01\n    strip_rate: 5.50\n    rep_lines:\n      - { id: 1-discount")], 2, "error: {dir}/deal.yaml:25:58 groups[0].rep_lines[0].gross_rate: got '5.50'; a gross rate no lower than servicing_fee + trustee_fee + lpmi_fee (5.61); the net rate would be negative");
        yield return SampleRun("12-loan-count-fraction", 12, [(Line1, RepLine("remaining_term: 358, age: 2, loan_count: 0.0001"))], 2, "error: {dir}/deal.yaml:25:105 groups[0].rep_lines[0].loan_count: got '0.0001'; expected a whole number of loans from 1 to 100,000");
        yield return SampleRun("12-loan-count-1.5", 12, [(Line1, RepLine("remaining_term: 358, age: 2, loan_count: 1.5"))], 2, "error: {dir}/deal.yaml:25:105 groups[0].rep_lines[0].loan_count: got '1.5'; expected a whole number of loans from 1 to 100,000");
        yield return SampleRun("12-loan-count-zero", 12, [(Line1, RepLine("remaining_term: 358, age: 2, loan_count: 0"))], 2, "error: {dir}/deal.yaml:25:105 groups[0].rep_lines[0].loan_count: got '0'; expected a whole number of loans from 1 to 100,000");
        yield return Structures("12-cap-below-floor", 12, [(Floater, "coupon: { index: LIBOR_1MO, margin: 0.40, cap: 0.30, floor: 0.40, net_wac_cap: [\"1\"] }")], [Run, Deal], 2, "error: {dir}/deal.yaml:31:52 classes[4].coupon.cap: got '0.30'; a cap at or above the floor (0.40)");
        yield return Structures("12-margin-1e20", 12, [(Floater, "coupon: { index: LIBOR_1MO, margin: 1e20, cap: 6.0, floor: 0.40, net_wac_cap: [\"1\"] }")], [Run, Deal], 2, "error: {dir}/deal.yaml:31:13 classes[4].coupon: expected a coupon: a fixed rate in percent, {index, multiplier, margin, cap, floor}, {net_wac: [groups], minus}, strip_excess or none");
        yield return Structures("12-multiplier-1e20", 12, [("multiplier: -1, margin: 5.60", "multiplier: -1e20, margin: 5.60")], [Run, Deal], 2, "error: {dir}/deal.yaml:36:13 classes[5].coupon: expected a coupon: a fixed rate in percent, {index, multiplier, margin, cap, floor}, {net_wac: [groups], minus}, strip_excess or none");
        yield return Structures("12-floor-200", 12, [(Floater, "coupon: { index: LIBOR_1MO, margin: 0.40, cap: 6.0, floor: 200, net_wac_cap: [\"1\"] }")], [Run, Deal], 2, "error: {dir}/deal.yaml:31:13 classes[4].coupon: expected a coupon: a fixed rate in percent, {index, multiplier, margin, cap, floor}, {net_wac: [groups], minus}, strip_excess or none");
        yield return Structures("12-notional-self", 12, [("notional: { classes: [A-5] }", "notional: { classes: [A-6] }")], [Run, Deal], 2, "error: {dir}/deal.yaml:35:26 classes[5].notional.classes: a notional that follows other classes; 'A-6' follows itself");
        yield return Structures("12-notional-cycle", 12, [("notional: { classes: [A-5] }", "notional: { classes: [A-7] }"),
            ("  - { name: A-R, group: \"1\", balance: 100,", "  - { name: A-7, group: \"1\", type: notional_io, notional: { classes: [A-6] }, coupon: 1.0 }\n  - { name: A-R, group: \"1\", balance: 100,")], [Run, Deal], 2, "error: {dir}/deal.yaml:35:26 classes[5].notional.classes: a notional that does not loop back to its own class (A-6 → A-7 → A-6)");
        yield return Structures("12-notional-twice", 12, [("notional: { classes: [A-5] }", "notional: { classes: [A-5, A-5] }")], [Run, Deal], 2, "error: {dir}/deal.yaml:35:32 classes[5].notional.classes[1]: got 'A-5'; each class once in a list; 'A-5' is already classes[5].notional.classes[0]");
        yield return SampleRun("12-class-twice-in-pay-interest", 12, [(Waterfall1, "- pay_interest: { from: \"1\", classes: [A-R, 1-A-1, 1-A-2, 1-A-1, 1-X] }")], 2, "error: {dir}/deal.yaml:64:61 waterfall[2].pay_interest.classes[3]: got '1-A-1'; each class once in a list; '1-A-1' is already waterfall[2].pay_interest.classes[1]");
        yield return SampleRun("12-class-twice-in-sequential", 12, [("to: { sequential: [A-R, 1-A-1, 1-A-2] }", "to: { sequential: [A-R, 1-A-1, 1-A-2, 1-A-1] }")], 2, "error: {dir}/deal.yaml:66:97 waterfall[4].pay_principal.to.sequential[3]: got '1-A-1'; each class once in a list; '1-A-1' is already waterfall[4].pay_principal.to.sequential[1]");
        yield return SampleRun("12-class-twice-in-pro-rata", 12, [("to: { pro_rata: [2-A-1, 2-A-2] }", "to: { pro_rata: [2-A-1, 2-A-2, 2-A-2] }")], 2, "error: {dir}/deal.yaml:67:90 waterfall[5].pay_principal.to.pro_rata[2]: got '2-A-2'; each class once in a list; '2-A-2' is already waterfall[5].pay_principal.to.pro_rata[1]");
        yield return SampleRun("12-class-twice-in-subordinates-step", 12, [("classes: [M, B-1, B-2, B-3, B-4, B-5] }", "classes: [M, B-1, B-2, B-3, B-4, B-5, M] }")], 2, "error: {dir}/deal.yaml:69:74 waterfall[7].pay_subordinates.classes[6]: got 'M'; each class once in a list; 'M' is already waterfall[7].pay_subordinates.classes[0]");
        yield return SampleRun("12-class-in-two-interest-steps", 12, [(Waterfall1, Waterfall1 + "\n  - pay_interest: { from: \"1\", classes: [1-A-2] }")], 2, "error: {dir}/deal.yaml:65:42 waterfall[3].pay_interest.classes[0]: got '1-A-2'; each class paid interest once from a group; '1-A-2' is already paid from the same group by an earlier step");
        yield return SampleRun("12-sub-in-interest-and-subordinates", 12, [(Waterfall1, "- pay_interest: { from: \"1\", classes: [A-R, 1-A-1, 1-A-2, 1-X, M] }"),
            ("- pay_interest: { from: \"2\", classes: [2-A-1, 2-A-2, 2-X] }", "- pay_interest: { from: \"2\", classes: [2-A-1, 2-A-2, 2-X, M] }")], 2, "error: {dir}/deal.yaml:69:46 waterfall[7].pay_subordinates.classes[0]: got 'M'; each class paid interest once from a group; 'M' is already paid from the same group by an earlier step");
        yield return SampleRun("12-loss-order-twice", 12, [("order: [B-5, B-4, B-3, B-2, B-1, M]", "order: [B-5, B-4, B-3, B-2, B-1, M, B-5]")], 2, "error: {dir}/deal.yaml:58:39 losses.order[6]: got 'B-5'; each class once in a list; 'B-5' is already losses.order[0]");
        yield return SampleRun("12-shifting-subordinates-twice", 12, [("subordinates: [M, B-1, B-2, B-3, B-4, B-5]", "subordinates: [M, B-1, B-2, B-3, B-4, B-5, B-1]")], 2, "error: {dir}/deal.yaml:52:46 shifting_interest.subordinates[6]: got 'B-1'; each class once in a list; 'B-1' is already shifting_interest.subordinates[1]");
        yield return new HostileCase("12-tape-and-rep-lines", 12, s =>
        {
            s.Write("tape.csv", HostileScene.TapeText);
            s.Sample(("    strip_rate: 5.50\n    rep_lines:\n      - { id: 2-discount", "    strip_rate: 5.50\n    tape: tape.csv\n    rep_lines:\n      - { id: 2-discount"));
        }, [Run, Deal], 2, "error: {dir}/deal.yaml:33:7 groups[1].rep_lines: a loan group takes its loans from a tape or from rep_lines, not both: remove one");
        yield return new HostileCase("12-latin1-deal", 12, s => s.Bytes("deal.yaml", Encoding.Latin1.GetBytes(HostileScene.SampleText.Replace("depositor: CWALT, Inc.", "depositor: Société Générale"))), [Run, Deal], 2, "error: {dir}/deal.yaml:7: a deal file in UTF-8; this line holds bytes that are not UTF-8 (was the file saved as Latin-1 or Windows-1252?)");
        yield return new HostileCase("12-latin1-deal-init", 12, s => s.Bytes("deal.yaml", Encoding.Latin1.GetBytes(HostileScene.SampleText.Replace("depositor: CWALT, Inc.", "depositor: Société Générale"))),
            ["trustee", "init", Deal, "--db", "{dir}/new.db"], 2, "error: {dir}/deal.yaml:7: a deal file in UTF-8; this line holds bytes that are not UTF-8 (was the file saved as Latin-1 or Windows-1252?)");
        yield return SampleRun("12-strip-rate-and-fee", 12, [(Line1, RepLine("remaining_term: 358, age: 2, servicing_fee: 5.50"))], 2, "error: {dir}/deal.yaml:25:58 groups[0].rep_lines[0].gross_rate: got '5.50'; a gross rate no lower than servicing_fee + trustee_fee + lpmi_fee (5.51); the net rate would be negative");
    }

    private static IEnumerable<HostileCase> Item13()
    {
        yield return SampleRun("13-trust-name-ansi", 13, [(Trust, "trust_name: \"Sample\\e[2J Trust\"")], 2, "error: {dir}/deal.yaml:5:15 deal.trust_name: got 'Sample\\u001B[2J Trust'; a name without control or format characters (U+001B at character 7)");
        yield return SampleRun("13-class-name-newline", 13, [("name: 1-A-1,", "name: \"1-A-1\\nforged: line\","), ("classes: [A-R, 1-A-1, 1-A-2, 1-X]", "classes: [A-R, \"1-A-1\\nforged: line\", 1-A-2, 1-X]"), ("sequential: [A-R, 1-A-1, 1-A-2]", "sequential: [A-R, \"1-A-1\\nforged: line\", 1-A-2]")], 2, "error: {dir}/deal.yaml:37:13 classes[1].name: got '1-A-1\\u000Aforged: line'; a name without control or format characters (U+000A at character 6)");
        yield return SampleRun("13-class-name-nul", 13, [("name: B-5,", "name: \"B-5\\0\","), ("B-4, B-5]", "B-4, \"B-5\\0\"]"), ("order: [B-5,", "order: [\"B-5\\0\",")], 2, "error: {dir}/deal.yaml:49:13 classes[13].name: got 'B-5\\u0000'; a name without control or format characters (U+0000 at character 4)");
        yield return SampleRun("13-series-bidi", 13, [("series: 2004-S1", "series: \"2004-S1\\u202E\"")], 2, "error: {dir}/deal.yaml:6:11 deal.series: got '2004-S1\\u202E'; a name without control or format characters (U+202E at character 8)");
        yield return SampleRun("13-depositor-bell", 13, [("depositor: CWALT, Inc.", "depositor: \"CWALT\\a\"")], 2, "error: {dir}/deal.yaml:7:14 deal.depositor: got 'CWALT\\u0007'; a name without control or format characters (U+0007 at character 6)");
        yield return SampleRun("13-group-name-escape", 13, [("name: \"2\"", "name: \"2\\e\""), ("group: \"2\"", "group: \"2\\e\""), ("from: \"2\"", "from: \"2\\e\""), ("groups: [\"1\", \"2\"]", "groups: [\"1\", \"2\\e\"]")], 2, "error: {dir}/deal.yaml:27:11 groups[1].name: got '2\\u001B'; a name without control or format characters (U+001B at character 2)");
        yield return SampleRun("13-rep-line-id-zero-width", 13, [("id: 1-discount", "id: \"1-dis\\u200Bcount\"")], 2, "error: {dir}/deal.yaml:25:15 groups[0].rep_lines[0].id: got '1-dis\\u200Bcount'; a name without control or format characters (U+200B at character 6)");
        yield return Structures("13-corridor-name-escape", 13, [("name: Bank of America, N.A. corridor", "name: \"Bank\\e]0;pwned\\a\"")], [Run, Deal], 2, "error: {dir}/deal.yaml:65:11 corridors[0].name: got 'Bank\\u001B]0;pwned\\u0007'; a name without control or format characters (U+001B at character 5)");
        yield return new HostileCase("13-init-deal-id-ansi", 13, s => s.Sample(), ["trustee", "init", Deal, "--deal-id", "X\u001b[2JY", "--db", "{dir}/new.db"], 2, "error: --deal-id: got 'X\\u001B[2JY'; a name without control or format characters (U+001B at character 2)");
        yield return new HostileCase("13-init-deal-id-newline", 13, s => s.Sample(), ["trustee", "init", Deal, "--deal-id", "X\nY", "--db", "{dir}/new.db"], 2, "error: --deal-id: got 'X\\u000AY'; a name without control or format characters (U+000A at character 2)");
        yield return new HostileCase("13-init-actor-bidi", 13, s => s.Sample(), ["trustee", "init", Deal, "--actor", "ops\u202Eevil", "--db", "{dir}/new.db"], 2, "error: --actor: got 'ops\\u202Eevil'; a name without control or format characters (U+202E at character 4)");
        yield return Trustee("13-close-actor-ansi", 13, ["trustee", "close", "2004-S1", "--period", "2004-05", "--actor", "\u001b[31mroot", "--db", "{dir}/ledger.db"], 2, "error: --actor: got '\\u001B[31mroot'; a name without control or format characters (U+001B at character 1)");
        yield return Trustee("13-remit-actor-cr", 13, ["trustee", "remit", "2004-S1", "--period", "2004-05", "--replace", "--file", "{dir}/remittance-2004-05.csv", "--actor", "a\rb", "--db", "{dir}/ledger.db"], 2, "error: --actor: got 'a\\u000Db'; a name without control or format characters (U+000D at character 2)");
        yield return Trustee("13-reopen-actor-nul", 13, ["trustee", "reopen", "2004-S1", "--period", "2004-04", "--reason", "restatement", "--actor", "a\0b", "--db", "{dir}/ledger.db"], 2, "error: --actor: got 'a\\u0000b'; a name without control or format characters (U+0000 at character 2)");
        yield return new HostileCase("13-tape-loan-id-escape", 13, s => s.Write("tape.csv", HostileScene.TapeText.Replace("\nL0001,", "\nL\u001b[2J1,")), ["collateral", "--tape", "{dir}/tape.csv"], 2, "error: {dir}/tape.csv:5 loan_id: got 'L\\u001B[2J1'; a name without control or format characters (U+001B at character 2)");
        yield return new HostileCase("13-tape-group-escape", 13, s => s.Write("tape.csv", HostileScene.TapeText.Replace("\nL0001,2,", "\nL0001,2\u0007,")), ["collateral", "--tape", "{dir}/tape.csv"], 2, "error: {dir}/tape.csv:5 group: got '2\\u0007'; a name without control or format characters (U+0007 at character 2)");
        yield return new HostileCase("13-deal-path-escape-echo", 13, s => { }, [Run, "{dir}/no\u001b[2Jdeal.yaml"], 2, "error: {dir}/no\\u001B[2Jdeal.yaml: the deal file does not exist");
    }

    private static readonly string Formula = "=HYPERLINK(\"\"http://x\"\",\"\"y\"\")";

    private static Action<HostileScene, string, string> StdoutHas(params string[] texts) => (_, stdout, _) =>
    {
        foreach (var t in texts) Assert.Contains(t, stdout);
        Assert.DoesNotContain("\n=", stdout);
        Assert.DoesNotContain(",=", stdout);
    };

    private static Action<HostileScene, string, string> FileHas(string file, params string[] texts) => (s, _, _) =>
    {
        var text = File.ReadAllText(s.P(file));
        foreach (var t in texts) Assert.Contains(t, text);
        Assert.DoesNotContain(",=", text);
        Assert.DoesNotContain(",@", text);
        Assert.DoesNotContain(",+", text);
    };

    private static (string, string)[] RenameClass(string to) =>
    [
        ("name: 1-A-2,", $"name: '{to}',"), ("classes: [A-R, 1-A-1, 1-A-2, 1-X]", $"classes: [A-R, 1-A-1, '{to}', 1-X]"),
        ("sequential: [A-R, 1-A-1, 1-A-2]", $"sequential: [A-R, 1-A-1, '{to}']"),
    ];

    private static IEnumerable<HostileCase> Item14()
    {
        yield return SampleRun("14-run-csv-hyperlink", 14, RenameClass("=HYPERLINK(\"http://x\",\"y\")"), 0, "") with
            { Args = [Run, Deal, "--format", "csv"], Then = StdoutHas($",\"'{Formula}\",") };
        yield return SampleRun("14-run-csv-plus", 14, RenameClass("+1+2"), 0, "") with { Args = [Run, Deal, "--format", "csv"], Then = StdoutHas(",'+1+2,") };
        yield return SampleRun("14-run-csv-minus", 14, RenameClass("-2+3"), 0, "") with { Args = [Run, Deal, "--format", "csv"], Then = StdoutHas(",'-2+3,") };
        yield return SampleRun("14-run-csv-at", 14, RenameClass("@SUM(A1)"), 0, "") with { Args = [Run, Deal, "--format", "csv"], Then = StdoutHas(",'@SUM(A1),") };
        yield return SampleRun("14-run-csv-comma-quote", 14, RenameClass("A,\"B\""), 0, "") with { Args = [Run, Deal, "--format", "csv"], Then = StdoutHas(",\"A,\"\"B\"\"\",") };
        yield return SampleRun("14-run-out-csv", 14, RenameClass("=1+2"), 0, "") with
            { Args = [Run, Deal, "--format", "csv", "--out", "{dir}/out"], Writes = ["out/classes.csv", "out/collateral.csv", "out/checks.txt", "out/classes.parquet", "out/collateral.parquet"], Then = FileHas("out/classes.csv", ",'=1+2,") };
        yield return new HostileCase("14-collateral-csv-group", 14, s => s.Write("tape.csv", System.Text.RegularExpressions.Regex.Replace(HostileScene.TapeText, @"^(L\d+),2,", "$1,=2+5,", System.Text.RegularExpressions.RegexOptions.Multiline)),
            ["collateral", "--tape", "{dir}/tape.csv", "--format", "csv"], 0, "") { Then = StdoutHas("\n'=2+5,1,") };
        yield return Sample("14-price-csv-class", 14, RenameClass("+cmd"), ["price", Deal, "--class", "+cmd", "--format", "csv", "--prices", "100", "--speeds", "100 PPC"], 0, "") with
            { Then = (_, stdout, _) => Assert.DoesNotContain("\n+", stdout) };
    }

    private static string ManyLines(int n, int count) =>
        string.Join("\n", Enumerable.Range(1, n).Select(i => $"      - {{ id: x{i}, balance: 1000, gross_rate: 5.50, remaining_term: 358, age: 2, loan_count: {count} }}"));

    private static IEnumerable<HostileCase> Item15()
    {
        yield return SampleRun("15-loan-count-billion", 15, [(Line1, RepLine("remaining_term: 358, age: 2, loan_count: 1000000000"))], 2, "error: {dir}/deal.yaml:25:105 groups[0].rep_lines[0].loan_count: got '1000000000'; expected a whole number of loans from 1 to 100,000");
        yield return new HostileCase("15-loan-count-billion-init", 15, s => s.Sample((Line1, RepLine("remaining_term: 358, age: 2, loan_count: 1000000000"))), ["trustee", "init", Deal, "--db", "{dir}/new.db"], 2, "error: {dir}/deal.yaml:25:105 groups[0].rep_lines[0].loan_count: got '1000000000'; expected a whole number of loans from 1 to 100,000");
        yield return new HostileCase("15-loan-count-billion-simulate", 15, s => s.Sample((Line1, RepLine("remaining_term: 358, age: 2, loan_count: 1000000000"))), ["trustee", "simulate", Deal, "--out", "{dir}/sim"], 2, "error: {dir}/deal.yaml:25:105 groups[0].rep_lines[0].loan_count: got '1000000000'; expected a whole number of loans from 1 to 100,000");
        yield return SampleRun("15-loan-count-100001", 15, [(Line1, RepLine("remaining_term: 358, age: 2, loan_count: 100001"))], 2, "error: {dir}/deal.yaml:25:105 groups[0].rep_lines[0].loan_count: got '100001'; expected a whole number of loans from 1 to 100,000");
        yield return SampleRun("15-deal-over-a-million-loans", 15, [("      - { id: 1-premium", ManyLines(11, 100000) + "\n      - { id: 1-premium")], 2, "error: {dir}/deal.yaml:20:3 groups: got '1100415'; at most 1,000,000 loans in a deal (rep lines × loan_count plus tape loans)");
        yield return SampleRun("15-rep-lines-10001", 15, [("      - { id: 1-premium", ManyLines(10001, 1) + "\n      - { id: 1-premium")], 2, "error: {dir}/deal.yaml:25:7 groups[0].rep_lines: expected at most 10000 items");
        yield return Sample("15-speed-vector-5k", 15, [], [Run, Deal, "--prepay", string.Join(", ", Enumerable.Repeat("5 CPR for 1", 5_000))], 2, "error: --prepay: got '5 CPR for 1, 5 CPR for 1, 5 CPR for 1, 5'; a speed vector may span at most 1200 months; expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)");
        yield return Sample("15-severity-vector-20k", 15, [], [Run, Deal, "--severity", string.Join(",", Enumerable.Repeat("30", 20_000))], 2, "error: --severity: got '30,30,30,30,30,30,30,30,30,30,30,30,30,30,30,30,30,30,30,...'; expected a percent from 0 to 100, or a comma-separated monthly vector of them (at most 1200 months)");
    }

    private static IEnumerable<HostileCase> Item16()
    {
        yield return Trustee("16-close-unknown-index", 16, ["trustee", "close", "2004-S1", "--period", "2004-05", "--index", "FOO=1", "--db", "{dir}/ledger.db"], 2, "error: --index: got 'FOO'; the deal uses no index (no floater, corridor or ARM loan); give no fixing");
        yield return Trustee("16-close-unused-libor-3mo", 16, ["trustee", "close", "2004-S1", "--period", "2004-05", "--index", "LIBOR_6MO=1.2", "--db", "{dir}/ledger.db"], 2, "error: --index: got 'LIBOR_6MO'; the deal uses no index (no floater, corridor or ARM loan); give no fixing");
        yield return Sample("16-run-index-unknown", 16, [], [Run, Deal, "--index", "FOO=1"], 2, "error: --index: got 'FOO'; the deal uses no index (no floater, corridor or ARM loan); give no fixing");
        yield return Sample("16-run-class-nope", 16, [], [Run, Deal, "--class", "NOPE"], 2, "error: --class: got 'NOPE'; a class of the deal (one of A-R, 1-A-1, 1-A-2, 2-A-1, 2-A-2, PO, 1-X, 2-X, M, B-1, B-2, B-3, B-4, B-5)");
        yield return Sample("16-run-class-nope-csv", 16, [], [Run, Deal, "--class", "1-A-1", "--class", "NOPE", "--format", "csv"], 2, "error: --class: got 'NOPE'; a class of the deal (one of A-R, 1-A-1, 1-A-2, 2-A-1, 2-A-2, PO, 1-X, 2-X, M, B-1, B-2, B-3, B-4, B-5)");
        yield return Sample("16-run-psa-400-digits", 16, [], [Run, Deal, "--prepay", Digits400 + " PSA"], 2, "error: --prepay: got '999999999999999999999999999999999999999999999999999999999...'; a speed above 10000 is out of range; expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)");
        yield return Sample("16-run-cdr-400-digits", 16, [], [Run, Deal, "--default", Digits400 + " CDR"], 2, "error: --default: got '999999999999999999999999999999999999999999999999999999999...'; a speed above 10000 is out of range; expected a default speed such as '100 SDA', '2 CDR' or '0.1 MDR' (units CDR, MDR or SDA)");
        yield return Sample("16-price-speeds-400-digits", 16, [], ["price", Deal, "--class", "1-A-1", "--speeds", Digits400 + " PPC"], 2, "error: --speeds: got '999999999999999999999999999999999999999999999999999999999...'; a speed above 10000 is out of range; expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)");
        yield return Sample("16-collateral-psa-400-digits", 16, [], ["collateral", "--balance", "100000", "--gross", "6", "--net", "5.5", "--wam", "360", "--prepay", Digits400 + " PSA"], 2, "error: --prepay: got '999999999999999999999999999999999999999999999999999999999...'; a speed above 10000 is out of range; expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)");
        yield return Trustee("16-reclose-other-libor", 16, ["trustee", "close", "2004-S1", "--period", "2004-04", "--libor", "5.32", "--db", "{dir}/ledger.db"], 2, "error: 2004-S1 2004-04 is already closed (close {id}) with other index fixings: LIBOR_1MO 5.32% (recorded 1.1%); reopen the period to close it again with new fixings");
        yield return Trustee("16-reclose-other-index", 16, ["trustee", "close", "2004-S1", "--period", "2004-04", "--index", "LIBOR_1MO=2", "--db", "{dir}/ledger.db"], 2, "error: --index: got 'LIBOR_1MO'; the deal uses no index (no floater, corridor or ARM loan); give no fixing");
        yield return Trustee("16-reclose-same-libor", 16, ["trustee", "close", "2004-S1", "--period", "2004-04", "--libor", "1.1", "--db", "{dir}/ledger.db"], 0, "");
        yield return new HostileCase("16-wrong-deal-remittance", 16, s =>
        {
            s.Ledger();
            s.Write("other.csv", "loan_id,period,scheduled_principal,curtailment,payoff,paid_through_date,interest_collected,servicing_fee,principal_advance,interest_advance,liquidation_proceeds,realized_loss,ending_balance,delinquency,modified\n"
                + string.Concat(Enumerable.Range(1, 3000).Select(i => $"OTHER-{i},2004-05,100.00,0.00,0.00,,500.00,20.00,0.00,0.00,0.00,0.00,99900.00,current,N\n")));
        }, ["trustee", "remit", "2004-S1", "--period", "2004-05", "--replace", "--file", "{dir}/other.csv", "--db", "{dir}/ledger.db"], 2, "error: other.csv:2 loan_id: got 'OTHER-1'; a loan of this deal's cut-off tape")
        {
            Then = (_, _, stderr) =>
            {
                var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.InRange(lines.Length, 100, 102);
                Assert.StartsWith("error: ", lines[^1]);
                Assert.Contains("more", lines[^1]);
            },
        };
    }
}
