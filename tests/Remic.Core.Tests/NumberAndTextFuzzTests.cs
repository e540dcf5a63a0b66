using CsCheck;
using Remic.Core;

namespace Remic.Core.Tests;

/// <summary>
/// The finite-number parser, periods, names and CSV cells (issue 18, items 10, 11, 13, 14): any text ends in a value
/// inside its domain or in a refusal — never NaN, ∞, an overflow or another exception.
/// </summary>
[Trait("Category", "Fuzz")]
public class NumberAndTextFuzzTests
{
    private static Gen<string> Any(params string[] xs) => Gen.Int[0, xs.Length - 1].Select(i => xs[i]);

    private static readonly Gen<string> NumberLike = Gen.OneOf(
        Gen.String[Gen.Char["0123456789.eE+-, _∞NaInfity"], 0, 40],
        Any("NaN", "nan", "Infinity", "-Infinity", "∞", "1e400", "-1e400", "1e308", new string('9', 400), "0x10", "1,000", " 5 ", "5%", ""),
        Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Finite_number_is_finite_or_refused() => NumberLike.Sample(text =>
    {
        if (FiniteNumber.TryParse(text, out double v)) Assert.True(double.IsFinite(v), text);
        var e = Record.Exception(() => { FiniteNumber.Parse(text, "--x", 0, 100, "a percent"); });
        if (e is null) Assert.InRange(FiniteNumber.Parse(text, "--x", 0, 100, "a percent"), 0, 100);
        else Assert.IsType<RemicInputException>(e);
        var w = Record.Exception(() => { FiniteNumber.Whole(text, "--n", 0, 120, "months"); });
        Assert.True(w is null or RemicInputException, w?.ToString());
    }, iter: 3000);

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e400")]
    public void Non_finite_text_is_refused_with_the_option_named(string text)
    {
        var e = Assert.Throws<RemicInputException>(() => FiniteNumber.Parse(text, "--severity", 0, 100, "expected a percent from 0 to 100"));
        Assert.Equal($"--severity: got '{text}'; expected a percent from 0 to 100", e.Message);
    }

    [Fact]
    public void Periods_parse_inside_1970_to_2100_or_are_refused() =>
        Gen.String[Gen.Char["0123456789-/ "], 0, 12].Sample(text =>
        {
            if (Period.TryParse(text, out var p)) Assert.InRange(p.Year, Domains.MinYear, Domains.MaxYear);
            var e = Record.Exception(() => { Period.Parse(text, "--period"); });
            Assert.True(e is null or RemicInputException, e?.ToString());
        }, iter: 3000);

    [Fact]
    public void Csv_cells_never_start_a_formula_and_read_back_unchanged() =>
        Gen.String[Gen.Char["=+-@\t\r\n,\"' abc019."], 0, 12].Sample(cell =>
        {
            var f = CsvCell.Format(cell);
            var inner = f.StartsWith('"') ? f[1..^1].Replace("\"\"", "\"") : f;
            if (inner.Length > 0 && inner[0] is '=' or '+' or '-' or '@' or '\t' or '\r') Assert.True(FiniteNumber.TryParse(inner, out double _), f);
            Assert.Equal(cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell, CsvCell.Read(inner));
        }, iter: 3000);

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-1234.56", "-1234.56")]
    [InlineData("A,B", "\"A,B\"")]
    [InlineData("1-A-1", "1-A-1")]
    public void Csv_cells_are_quoted_and_neutralised(string cell, string written) => Assert.Equal(written, CsvCell.Format(cell));

    [Fact]
    public void Names_with_control_or_format_characters_are_refused_and_echoed_escaped() =>
        Gen.String[Gen.Char["ab\u001b\u0000\n\r\u0007\u202e\u200b\u00e9"], 0, 10].Sample(name =>
        {
            var e = Record.Exception(() => { InputText.Name(name, "--actor"); });
            if (name.Any(InputText.IsHidden))
            {
                var x = Assert.IsType<RemicInputException>(e);
                Assert.DoesNotContain(x.Message, c => InputText.IsHidden(c) && c != '\n');
            }
            else Assert.Null(e);
        }, iter: 2000);

    [Fact]
    public void A_long_error_list_is_capped_with_a_count()
    {
        var errors = Enumerable.Range(1, 300_000).Select(i => new InputError("r.csv", i, "loan_id", $"X{i}", "a loan of this deal")).ToList();
        var e = new RemicInputException(errors);
        Assert.Equal(RemicInputException.MaxShown + 1, e.Errors.Count);
        Assert.Equal("r.csv: 299900 more errors not shown (300000 in all); is this the right file?", e.Errors[^1].ToString());
    }
}
