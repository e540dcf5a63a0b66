using System.Text;
using CsCheck;
using Remic.Core;
using Remic.Trustee.Remittance;

namespace Remic.Trustee.Tests;

/// <summary>
/// The remittance reader (issue 18): random text and a valid file with one field swapped for a hostile value end in rows
/// or in located errors — never an exception; amounts read are finite decimals.
/// </summary>
[Trait("Category", "Fuzz")]
public class RemittanceFuzzTests
{
    private const string Header = "loan_id,period,scheduled_principal,curtailment,payoff,paid_through_date,interest_collected,servicing_fee,principal_advance,interest_advance,liquidation_proceeds,realized_loss,ending_balance,delinquency,modified";

    private static readonly string Good = Header + "\n" + string.Concat(Enumerable.Range(1, 5).Select(i =>
        $"L{i},2004-05,100.00,0.00,0.00,,500.00,20.00,0.00,0.00,0.00,0.00,99900.00,current,N\n"));

    private static readonly string[] Hostile =
        ["NaN", "Infinity", "1e400", "-1.00", "99999999999999999999999999999.99", "1000000000000000.00", "9999-12", "1969-01", "2004-13", "\u001b[2J", "'=1", "", "\"a,b\"", "1,000.00"];

    private static void ParsesOrReports(string content)
    {
        var (rows, errors) = RemittanceCsv.Parse("fuzz.csv", content);
        Assert.True(rows.Count > 0 || errors.Count > 0);
        Assert.All(errors, e => Assert.Equal("fuzz.csv", e.Source));
        Assert.All(rows, r => Assert.InRange(r.Period.Year, Domains.MinYear, Domains.MaxYear));
    }

    [Fact]
    public void Random_text_is_reported() =>
        Gen.String[Gen.Char["abc,0123456789.-\n\"_"], 0, 300].Sample(t => ParsesOrReports(Header + "\n" + t), iter: 1000);

    [Fact]
    public void A_field_swapped_for_a_hostile_value_is_read_or_reported()
    {
        var lines = Good.Split('\n');
        Gen.Select(Gen.Int[1, 5], Gen.Int[0, 14], Gen.Int[0, Hostile.Length - 1]).Sample((row, col, h) =>
        {
            var copy = (string[])lines.Clone();
            var cells = copy[row].Split(',');
            cells[col] = Hostile[h];
            copy[row] = string.Join(',', cells);
            ParsesOrReports(string.Join('\n', copy));
        }, iter: 1000);
    }

    [Fact]
    public void Bytes_are_reported_never_thrown() =>
        Gen.Byte.Array[0, 300].Sample(b => ParsesOrReports(Encoding.UTF8.GetString(b)), iter: 500);
}
