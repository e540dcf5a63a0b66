using Dapper;
using Remic.Core;
using Remic.Trustee.Ledger;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Tests.Support;
using static Remic.Trustee.Tests.Support.TestDeal;

namespace Remic.Trustee.Tests;

/// <summary>
/// Each bad remittance file is rejected whole, with every problem listed exactly (file, line, column,
/// value, what was expected), and nothing is written to the ledger.
/// </summary>
public sealed class BadRemittanceTests
{
    private const string May = "2004-05";
    private const string Amount = "an amount in dollars with at most 2 decimals, e.g. 1234.56 (no sign, no commas)";

    private static readonly string L1 = Row("L1", May, "100000.00", "99.55", "0.00", "0.00", "", "500.00", "20.83", "0.00", "0.00", "0.00", "0.00", "99900.45");
    private static readonly string L2 = Row("L2", May, "", "0.00", "0.00", "50000.00", "2004-05-14", "117.36", "4.86", "0.00", "0.00", "0.00", "0.00", "0.00");
    private static readonly string L3 = Row("L3", May, "80000.00", "75.00", "1000.00", "0.00", "", "0.00", "16.67", "75.00", "416.67", "0.00", "0.00", "78925.00", "30");

    private static string File(params string[] lines) => string.Join("\n", lines) + "\n";

    public static IEnumerable<object[]> Cases() => BadFiles().SelectMany(c => TestLedger.Kinds().Select(k => new object[] { k[0], c.Name }));

    private static IEnumerable<(string Name, string Content, string[] Expected)> BadFiles()
    {
        yield return ("empty file", "", ["bad.csv:1: a header line: loan_id,period,prior_balance,scheduled_principal,curtailment,payoff,paid_through_date,interest_collected,servicing_fee,principal_advance,interest_advance,liquidation_proceeds,realized_loss,ending_balance,delinquency,modified"]);
        yield return ("header only", File(Header), ["bad.csv: at least one loan row after the header"]);
        yield return ("missing column", File(Header.Replace(",modified", ""), L1[..L1.LastIndexOf(',')]),
            ["bad.csv:1 modified: the column in the header"]);
        yield return ("unknown column", File(Header + ",note", L1 + ",x"),
            ["bad.csv:1 note: got 'note'; a known column: loan_id, period, prior_balance, scheduled_principal, curtailment, payoff, paid_through_date, interest_collected, servicing_fee, principal_advance, interest_advance, liquidation_proceeds, realized_loss, ending_balance, delinquency, modified, compensating_interest, prepayment_interest_shortfall, relief_act_shortfall, subsequent_recovery, modified_rate, modified_term"]);
        yield return ("repeated column", File(Header + ",payoff", L1 + ",0.00"),
            ["bad.csv:1 payoff: got 'payoff'; each column once in the header"]);
        yield return ("short row", File(Header, L1, "L2,2004-05,,0.00", L3),
            ["bad.csv:3: got '4 fields'; 16 fields, one per header column"]);
        yield return ("amount not a number", File(Header, L1.Replace("99.55", "abc"), L2, L3),
            ["bad.csv:2 scheduled_principal: got 'abc'; " + Amount]);
        yield return ("amount with three decimals", File(Header, L1.Replace("500.00", "500.005"), L2, L3),
            ["bad.csv:2 interest_collected: got '500.005'; " + Amount]);
        yield return ("negative amount", File(Header, L1, L2, L3.Replace("1000.00", "-1000.00")),
            ["bad.csv:4 curtailment: got '-1000.00'; " + Amount]);
        yield return ("thousands separator", File(Header, L1.Replace("100000.00", "\"100,000.00\""), L2, L3),
            ["bad.csv:2 prior_balance: got '100,000.00'; " + Amount]);
        yield return ("empty amount", File(Header, L1, L2.Replace("117.36", ""), L3),
            ["bad.csv:3 interest_collected: got ''; " + Amount]);
        yield return ("period badly written", File(Header, L1.Replace("2004-05", "May04"), L2, L3),
            ["bad.csv:2 period: got 'May04'; a month as YYYY-MM, e.g. 2004-05"]);
        yield return ("row for another period", File(Header, L1, L2.Replace("L2,2004-05", "L2,2004-06"), L3),
            ["bad.csv:3 period: got '2004-06'; the period being remitted, 2004-05"]);
        yield return ("impossible date", File(Header, L1, L2.Replace("2004-05-14", "2004-02-30"), L3),
            ["bad.csv:3 paid_through_date: got '2004-02-30'; a date as YYYY-MM-DD, or empty"]);
        yield return ("unknown delinquency status", File(Header, L1, L2, L3.Replace(",30,", ",31,")),
            ["bad.csv:4 delinquency: got '31'; one of current, 30, 60, 90+, FC, REO, BK"]);
        yield return ("bad modification flag", File(Header, L1[..^1] + "maybe", L2, L3),
            ["bad.csv:2 modified: got 'maybe'; Y or N"]);
        yield return ("empty loan id", File(Header, L1, L2, "," + L3[3..]),
            ["bad.csv:4 loan_id: got ''; a loan id"]);
        yield return ("unknown loan", File(Header, L1, L2, L3, L3.Replace("L3,", "L9,")),
            ["bad.csv:5 loan_id: got 'L9'; a loan of this deal's cut-off tape"]);
        yield return ("loan reported twice", File(Header, L1, L2, L3, L1),
            ["bad.csv:5 loan_id: got 'L1'; each loan once; already reported on line 2"]);
        yield return ("outstanding loan missing", File(Header, L1, L3),
            ["bad.csv loan_id: got 'L2'; a row for every outstanding loan; this loan (balance 50000.00) is missing"]);
        yield return ("balance does not roll forward", File(Header, L1.Replace("99900.45", "99900.46"), L2, L3),
            ["bad.csv:2 ending_balance: got '99900.46'; prior balance 100000.00 − scheduled principal 99.55 − curtailment 0.00 − payoff 0.00 − liquidation proceeds 0.00 − realized loss 0.00 = 99900.45"]);
        yield return ("prior balance disagrees with the ledger", File(Header, L1.Replace("100000.00", "100000.01"), L2, L3),
            ["bad.csv:2 prior_balance: got '100000.01'; the ledger's balance after the last closed period, 100000.00"]);
        yield return ("payoff leaves a balance", File(Header, L1, L2.Replace("50000.00", "49999.99").Replace(",0.00,current", ",0.01,current"), L3),
            ["bad.csv:3 ending_balance: got '0.01'; 0.00 for a loan paid off in full (payoff > 0)"]);
        yield return ("payoff without paid-through date", File(Header, L1, L2.Replace("2004-05-14", ""), L3),
            ["bad.csv:3 paid_through_date: got ''; the payoff's paid-through date (YYYY-MM-DD) when payoff > 0"]);
        yield return ("principal advance above scheduled principal", File(Header, L1, L2, L3.Replace("16.67,75.00", "16.67,75.01")),
            ["bad.csv:4 principal_advance: got '75.01'; at most the scheduled principal, 75.00"]);
        yield return ("servicing fee above interest", File(Header, L1, L2, L3.Replace("16.67,75.00,416.67", "416.68,75.00,416.67")),
            ["bad.csv:4 servicing_fee: got '416.68'; at most interest collected + interest advanced, 416.67"]);
        yield return ("liquidation leaves a balance",
            File(Header, L1, L2, Row("L3", May, "", "0.00", "0.00", "0.00", "", "0.00", "0.00", "0.00", "0.00", "48000.00", "31000.00", "1000.00", "REO")),
            ["bad.csv:4 ending_balance: got '1000.00'; 0.00 for a liquidated loan (liquidation proceeds > 0)"]);
        yield return ("loss on a current loan",
            File(Header, L1.Replace(",0.00,0.00,99900.45", ",0.00,100.00,99800.45"), L2, L3),
            ["bad.csv:2 realized_loss: got '100.00'; 0.00 for a current, unmodified loan still outstanding (a loss needs a liquidation or a modification)"]);
        yield return ("every problem listed, not only the first",
            File(Header, L1.Replace("99.55", "x"), L2.Replace("current", "late"), L3.Replace("78925.00", "78925.01")),
            [
                "bad.csv:2 scheduled_principal: got 'x'; " + Amount,
                "bad.csv:3 delinquency: got 'late'; one of current, 30, 60, 90+, FC, REO, BK",
                "bad.csv:4 ending_balance: got '78925.01'; prior balance 80000.00 − scheduled principal 75.00 − curtailment 1000.00 − payoff 0.00 − liquidation proceeds 0.00 − realized loss 0.00 = 78925.00",
            ]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_file_is_rejected_with_exact_errors_and_nothing_written(string kind, string name)
    {
        var (_, content, expected) = BadFiles().Single(c => c.Name == name);
        using var ledger = new TestLedger(kind);
        DealRegistry.Register(ledger.Db, Small(), "tester");
        var before = LedgerDump.Take(ledger.Db, includeAudit: true);

        var e = Assert.Throws<RemicInputException>(() =>
            RemittanceImporter.Import(ledger.Db, Id, First, "bad.csv", content, "tester"));

        Assert.Equal(expected, e.Errors.Select(x => x.ToString()).ToArray());
        Assert.Equal(before, LedgerDump.Take(ledger.Db, includeAudit: true));
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Period_that_is_not_the_next_open_one_is_refused(string kind)
    {
        using var ledger = new TestLedger(kind);
        DealRegistry.Register(ledger.Db, Small(), "tester");
        var june = SmallMay().Replace("2004-05,", "2004-06,");

        var e = Assert.Throws<RemicInputException>(() => RemittanceImporter.Import(ledger.Db, Id, new Period(2004, 6), "june.csv", june, "tester"));
        Assert.Equal(["june.csv period: got '2004-06'; the next open period 2004-05 (the deal's first distribution period)"], e.Errors.Select(x => x.ToString()));

        RemittanceImporter.Import(ledger.Db, Id, First, "may.csv", SmallMay(), "tester");
        e = Assert.Throws<RemicInputException>(() => RemittanceImporter.Import(ledger.Db, Id, First, "may.csv", SmallMay(), "tester"));
        Assert.Equal(["may.csv period: got '2004-05'; a period not yet remitted: 2004-05 is already remitted and not closed (import with replace to restate it)"],
            e.Errors.Select(x => x.ToString()));
        e = Assert.Throws<RemicInputException>(() => RemittanceImporter.Import(ledger.Db, Id, new Period(2004, 6), "june.csv", june, "tester"));
        Assert.Equal("june.csv period: got '2004-06'; the open period 2004-05 (remitted, not yet closed): close it before remitting another period", e.Errors[0].ToString());
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Unknown_deal_is_refused(string kind)
    {
        using var ledger = new TestLedger(kind);
        var e = Assert.Throws<RemicInputException>(() => RemittanceImporter.Import(ledger.Db, "NOPE", First, "may.csv", SmallMay(), "tester"));
        Assert.Equal("deal deal id: got 'NOPE'; a deal registered with `remic trustee init`", e.Message);
    }
}
