using System.Text;
using Remic.Collateral.Tape;
using Remic.Core;

namespace Remic.Collateral.Tests;

/// <summary>Tape import: good tapes read to the loans they describe; each bad input gets its exact message.</summary>
public class TapeReaderTests
{
    private const string Header =
        "loan_id,group,balance,original_balance,gross_rate,servicing_fee,original_term,remaining_term,age,io_term,balloon_term,fico,original_ltv,state,property_type,occupancy,purpose,documentation";
    private const string Row = "A1,1,250000.00,260000,6.5,0.25,360,350,10,0,0,720,80,CA,SFR,PRIMARY,PURCHASE,FULL";

    /// <summary>A one-loan tape with some fields replaced (row on line 2).</summary>
    private static string Tape(params (string Column, string Value)[] changes)
    {
        var cols = Header.Split(',');
        var vals = Row.Split(',');
        foreach (var (c, v) in changes) vals[Array.IndexOf(cols, c)] = v;
        return Header + "\n" + string.Join(",", vals) + "\n";
    }

    private static string[] Errors(string csv) => Errors(Encoding.UTF8.GetBytes(csv));

    private static string[] Errors(byte[] content)
    {
        var e = Assert.Throws<RemicInputException>(() => TapeReader.Read(content, "t.csv"));
        return e.Errors.Select(x => x.ToString()).ToArray();
    }

    [Fact]
    public void Reads_a_good_loan_with_percent_columns_as_fractions()
    {
        var loan = Assert.Single(TapeReader.Read(Tape(), "t.csv"));
        Assert.Equal("A1", loan.Id);
        Assert.Equal("1", loan.Group);
        Assert.Equal(250_000.00, loan.Balance);
        Assert.Equal(260_000, loan.OriginalBalance);
        Assert.Equal(0.065, loan.GrossRate);
        Assert.Equal(0.0025, loan.ServicingFee);
        Assert.Equal(0, loan.OtherFees);
        Assert.Equal((360, 350, 10, 0, 0), (loan.OriginalTerm, loan.RemainingTerm, loan.Age, loan.IoTerm, loan.BalloonTerm));
        Assert.Equal(720, loan.Fico);
        Assert.Equal(0.80, loan.OriginalLtv);
        Assert.Equal(("CA", "SFR", "PRIMARY", "PURCHASE", "FULL"), (loan.State, loan.PropertyType, loan.Occupancy, loan.Purpose, loan.Documentation));
        Assert.Null(loan.Arm);
        Assert.Equal(0.0625, loan.NetRate, 15);
    }

    [Fact]
    public void Accepts_a_utf8_byte_order_mark_comments_blank_lines_and_lower_case_codes()
    {
        var text = "# a comment\n" + Tape(("state", "ca"), ("documentation", "reduced")) + "\n";
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var loan = Assert.Single(TapeReader.Read(bytes, "t.csv"));
        Assert.Equal("A1", loan.Id);
        Assert.Equal("CA", loan.State);
        Assert.Equal("REDUCED", loan.Documentation);
    }

    [Fact]
    public void Reads_arm_columns_and_other_fees()
    {
        var csv = Header + ",other_fees,index,margin,first_reset_age,reset_frequency,initial_cap,periodic_cap,lifetime_cap,lifetime_floor\n"
                  + Row + ",0.01,LIBOR_6MO,2.25,60,6,5,1,11.5,2.25\n"
                  + Row.Replace("A1,", "A2,") + ",,,,,,,,,\n";
        var loans = TapeReader.Read(csv, "t.csv");
        Assert.Equal(2, loans.Count);
        Assert.Equal(new ArmTerms("LIBOR_6MO", 0.0225, 60, 6, 0.05, 0.01, 0.115, 0.0225), loans[0].Arm);
        Assert.Equal(0.0001, loans[0].OtherFees);
        Assert.Null(loans[1].Arm);
    }

    [Fact]
    public void Synthetic_tape_round_trips_through_writer_and_reader()
    {
        var loans = SyntheticTape.Generate(200);
        var back = TapeReader.Read(SyntheticTape.Csv(200), "synthetic.csv");
        Assert.Equal(loans, back);
        Assert.Equal(2, loans.Select(l => l.Group).Distinct().Count());
        Assert.All(loans.Where(l => l.Group == "1"), l => Assert.True(l.OriginalBalance <= SyntheticTape.ConformingLimit));
        Assert.All(loans, l => Assert.Null(l.Arm));
    }

    [Fact]
    public void Synthetic_tape_is_reproducible_from_its_seed() =>
        Assert.Equal(SyntheticTape.Csv(50, 7), SyntheticTape.Csv(50, 7));

    [Theory]
    // Whole-file problems: one message, no field noise.
    [InlineData("", "t.csv: the file is empty; expected a header row of column names followed by one row per loan")]
    [InlineData(" \n\r\n", "t.csv: the file is empty; expected a header row of column names followed by one row per loan")]
    [InlineData("# only a comment\n", "t.csv: the file has only comments or blank lines; expected a header row of column names followed by one row per loan")]
    [InlineData(Header + "\n", "t.csv:1: the file has a header but no loan rows")]
    [InlineData("loan_id;group;balance\nA1;1;100\n", "t.csv:1: the header is separated by semicolons; expected a comma-separated file (save the tape as CSV with ',' between fields)")]
    [InlineData("loan_id\tgroup\tbalance\nA1\t1\t100\n", "t.csv:1: the header is separated by tabs; expected a comma-separated file (save the tape as CSV with ',' between fields)")]
    public void Rejects_unreadable_files_with_one_message(string csv, string message) =>
        Assert.Equal([message], Errors(csv));

    [Fact]
    public void Rejects_utf16_text() =>
        Assert.Equal(["t.csv: the file is UTF-16 text; save it as UTF-8 CSV"], Errors(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Tape())).ToArray()));

    [Fact]
    public void Rejects_utf16_without_a_byte_order_mark_as_binary() =>
        Assert.Equal(["t.csv: the file contains a NUL byte at offset 1: it is binary or UTF-16, not a UTF-8 CSV tape"], Errors(Encoding.Unicode.GetBytes(Tape())));

    [Fact]
    public void A_byte_order_mark_alone_is_an_empty_file() =>
        Assert.Equal(["t.csv: the file is empty; expected a header row of column names followed by one row per loan"], Errors(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'\n' }));

    [Fact]
    public void Rejects_binary_content() =>
        Assert.Equal(["t.csv: the file contains a NUL byte at offset 3: it is binary or UTF-16, not a UTF-8 CSV tape"],
            Errors(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x12, 0x34 }));

    [Fact]
    public void Rejects_bytes_that_are_not_utf8() =>
        Assert.Equal(["t.csv:2: the file is not UTF-8 text (invalid byte 0xE9); save it as UTF-8 CSV"],
            Errors(Encoding.Latin1.GetBytes(Tape(("state", "Québec")))));

    [Fact]
    public void Rejects_a_huge_line_cleanly()
    {
        var csv = Tape() + new string('9', 70_000) + "\n";
        Assert.Equal(["t.csv:3: the line is 70,000 characters long; a tape line may be at most 65,536"], Errors(csv));
    }

    [Fact]
    public void Rejects_missing_unknown_and_repeated_columns_all_at_once()
    {
        var csv = Header.Replace(",fico", "").Replace("loan_id", "loan_id,group,colour") + "\n" + Row + "\n";
        Assert.Equal(
        [
            "t.csv:1 colour: got 'colour'; a known column name; the tape columns are loan_id, group, balance, original_balance, gross_rate, servicing_fee, original_term, remaining_term, age, io_term, balloon_term, fico, original_ltv, state, property_type, occupancy, purpose, documentation, other_fees, index, margin, first_reset_age, reset_frequency, initial_cap, periodic_cap, lifetime_cap, lifetime_floor",
            "t.csv:1 group: got 'group'; each column once; this column appears twice in the header",
            "t.csv:1 fico: this required column is missing from the header",
        ], Errors(csv));
    }

    [Fact]
    public void Rejects_a_blank_header_cell()
    {
        var csv = Header + ",\n" + Row + ",\n";
        Assert.Equal(["t.csv:1 column 19: got ''; a column name; this header cell is blank (a trailing comma?)"], Errors(csv));
    }

    [Theory]
    [InlineData("balance", "2.5e5", "t.csv:2 balance: got '2.5e5'; a current balance in dollars, greater than 0 and at most 10,000,000,000,000 (e.g. 250000.00)")]
    [InlineData("balance", "abc", "t.csv:2 balance: got 'abc'; a current balance in dollars, greater than 0 and at most 10,000,000,000,000 (e.g. 250000.00)")]
    [InlineData("balance", "-100", "t.csv:2 balance: got '-100'; a current balance in dollars, greater than 0 and at most 10,000,000,000,000 (e.g. 250000.00)")]
    [InlineData("balance", "0", "t.csv:2 balance: got '0'; a current balance in dollars, greater than 0 and at most 10,000,000,000,000 (e.g. 250000.00)")]
    [InlineData("balance", "\"250,000\"", "t.csv:2 balance: got '250,000'; a current balance in dollars, greater than 0 and at most 10,000,000,000,000 (e.g. 250000.00)")]
    [InlineData("balance", "", "t.csv:2 balance: got ''; the field is required: a current balance in dollars, greater than 0 and at most 10,000,000,000,000 (e.g. 250000.00)")]
    [InlineData("balance", "270000", "t.csv:2 balance: got '270000'; a current balance no larger than original_balance (260000); negative amortisation is not modelled")]
    [InlineData("gross_rate", "26", "t.csv:2 gross_rate: got '26'; a gross rate in percent from 0 to 25 (e.g. 6.5)")]
    [InlineData("gross_rate", "6.5%", "t.csv:2 gross_rate: got '6.5%'; a gross rate in percent from 0 to 25 (e.g. 6.5)")]
    [InlineData("servicing_fee", "7", "t.csv:2 servicing_fee: got '7'; a servicing fee in percent from 0 to 5 (e.g. 0.25)")]
    [InlineData("gross_rate", "0.2", "t.csv:2 servicing_fee: got '0.25'; servicing_fee + other_fees no larger than gross_rate (0.2); the net rate would be negative")]
    [InlineData("remaining_term", "361", "t.csv:2 remaining_term: got '361'; a remaining term no longer than original_term (360)")]
    [InlineData("remaining_term", "12.5", "t.csv:2 remaining_term: got '12.5'; a remaining term in months, a whole number from 1 to 480")]
    [InlineData("age", "30", "t.csv:2 age: got '30'; age + remaining_term (380) between original_term − 12 (348) and original_term + 1 (361)")]
    [InlineData("age", "-1", "t.csv:2 age: got '-1'; a loan age in months, a whole number from 0 to 480")]
    [InlineData("original_term", "0", "t.csv:2 original_term: got '0'; an original term in months, a whole number from 1 to 480")]
    [InlineData("io_term", "400", "t.csv:2 io_term: got '400'; an interest-only term no longer than original_term (360)")]
    [InlineData("balloon_term", "10", "t.csv:2 balloon_term: got '10'; a balloon age after the loan's current age (10), or 0 for no balloon")]
    [InlineData("balloon_term", "5", "t.csv:2 balloon_term: got '5'; a balloon age after the loan's current age (10), or 0 for no balloon")]
    [InlineData("fico", "900", "t.csv:2 fico: got '900'; a FICO score, a whole number from 300 to 850")]
    [InlineData("fico", "299", "t.csv:2 fico: got '299'; a FICO score, a whole number from 300 to 850")]
    [InlineData("original_ltv", "0", "t.csv:2 original_ltv: got '0'; an original LTV in percent, above 0 and at most 125 (e.g. 80)")]
    [InlineData("original_ltv", "130", "t.csv:2 original_ltv: got '130'; an original LTV in percent, above 0 and at most 125 (e.g. 80)")]
    [InlineData("state", "XX", "t.csv:2 state: got 'XX'; a US state or territory code, two letters (e.g. CA)")]
    [InlineData("property_type", "CASTLE", "t.csv:2 property_type: got 'CASTLE'; one of SFR, PUD, CONDO, 2-4UNIT, TOWNHOUSE, COOP, MANUFACTURED")]
    [InlineData("occupancy", "OWNER", "t.csv:2 occupancy: got 'OWNER'; one of PRIMARY, SECOND_HOME, INVESTOR")]
    [InlineData("purpose", "REFI", "t.csv:2 purpose: got 'REFI'; one of PURCHASE, RATE_TERM_REFI, CASHOUT_REFI")]
    [InlineData("documentation", "LITE", "t.csv:2 documentation: got 'LITE'; one of FULL, ALT, REDUCED, STATED, NO_RATIO, NINA, NO_DOC")]
    [InlineData("loan_id", "", "t.csv:2 loan_id: got ''; the field is required: a loan id (text, at most 64 characters)")]
    [InlineData("group", "", "t.csv:2 group: got ''; the field is required: a loan group name (e.g. 1 or 2, at most 32 characters)")]
    public void Rejects_a_bad_field_with_its_exact_message(string column, string value, string message) =>
        Assert.Equal([message], Errors(Tape((column, value))));

    [Fact]
    public void Rejects_a_duplicate_loan_id_naming_the_first_line()
    {
        var csv = Tape() + Row + "\n";
        Assert.Equal(["t.csv:3 loan_id: got 'A1'; a unique loan id; 'A1' is already used on line 2"], Errors(csv));
    }

    [Fact]
    public void Rejects_rows_with_too_many_or_too_few_fields()
    {
        var csv = Header + "\n" + Row + ",extra\n" + "A3,1,100\n";
        Assert.Equal(
        [
            "t.csv:2: got '19 fields'; one field per header column (18); is there an unquoted comma inside a value?",
            "t.csv:3: got '3 fields'; one field per header column (18); is the row cut short?",
        ], Errors(csv));
    }

    [Fact]
    public void Collects_every_error_of_every_row_with_line_numbers_after_comments()
    {
        var csv = "# synthetic\n" + Header + "\n" + Row + "\n\n" + Row.Replace("A1,", "A2,").Replace(",720,", ",abc,").Replace(",CA,", ",ZZ,") + "\n";
        Assert.Equal(
        [
            "t.csv:5 fico: got 'abc'; a FICO score, a whole number from 300 to 850",
            "t.csv:5 state: got 'ZZ'; a US state or territory code, two letters (e.g. CA)",
        ], Errors(csv));
    }

    [Fact]
    public void Stops_after_the_error_cap_and_says_so()
    {
        var rows = Enumerable.Range(1, 150).Select(i => Row.Replace("A1,", $"A{i},").Replace(",720,", ",1,"));
        var errors = Errors(Header + "\n" + string.Join("\n", rows) + "\n");
        Assert.Equal(TapeReader.MaxErrors + 1, errors.Length);
        Assert.Equal("t.csv: stopped after 100 errors; fix these and run again to see the rest", errors[^1]);
    }

    private const string ArmHeader = Header + ",index,margin,first_reset_age,reset_frequency,initial_cap,periodic_cap,lifetime_cap,lifetime_floor";

    [Theory]
    [InlineData("PRIME,2.25,60,6,5,1,11.5,2.25", "t.csv:2 index: got 'PRIME'; a known ARM index (LIBOR_1MO, LIBOR_6MO, LIBOR_1YR, CMT_1YR, MTA, COFI), or blank for a fixed-rate loan")]
    [InlineData("LIBOR_6MO,,60,6,5,1,11.5,2.25", "t.csv:2 margin: got ''; the field is required: a margin in percent from 0 to 10 (e.g. 2.75) (required because index is set)")]
    [InlineData(",2.25,,,,,,", "t.csv:2 index: got ''; an ARM index, because margin is given; leave every ARM column blank for a fixed-rate loan")]
    [InlineData("LIBOR_6MO,2.25,60,6,5,1,6,2.25", "t.csv:2 lifetime_cap: got '6'; a lifetime cap at or above the current gross_rate (6.5)")]
    [InlineData("LIBOR_6MO,2.25,60,0,5,1,11.5,2.25", "t.csv:2 reset_frequency: got '0'; months between resets, a whole number from 1 to 120 (required because index is set)")]
    public void Rejects_bad_arm_terms(string armFields, string message) =>
        Assert.Equal([message], Errors(ArmHeader + "\n" + Row + "," + armFields + "\n"));

    [Fact]
    public void Rejects_an_unknown_index_without_a_margin_with_both_problems()
    {
        Assert.Equal(
        [
            "t.csv:2 index: got 'SOFR_30D'; a known ARM index (LIBOR_1MO, LIBOR_6MO, LIBOR_1YR, CMT_1YR, MTA, COFI), or blank for a fixed-rate loan",
            "t.csv:2 margin: got ''; the field is required: a margin in percent from 0 to 10 (e.g. 2.75) (required because index is set)",
        ], Errors(ArmHeader + "\n" + Row + ",SOFR_30D,,60,6,5,1,11.5,2.25\n"));
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        var e = Assert.Throws<RemicInputException>(() => TapeReader.ReadFile("/nonexistent/tape.csv"));
        Assert.Equal("/nonexistent/tape.csv: the loan tape does not exist", e.Message);
    }
}
