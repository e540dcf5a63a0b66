using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Remic.Core;
using Remic.Deals.Loading;

namespace Remic.Deals.Tests;

/// <summary>
/// Fuzzing the deal loader (issue 18): random text and mutations of the example deals — a value swapped for a hostile one
/// (NaN, 1e400, 29 digits, a control character, an int overflow), a line dropped or doubled, a character changed — must
/// end in a deal or in <see cref="RemicInputException"/> with located errors, never another exception, each within
/// <see cref="Bound"/>. Inputs a run once found are kept below as regression cases.
/// </summary>
[Trait("Category", "Fuzz")]
public partial class DealLoaderFuzzTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30); // a hang, not a busy machine

    private static string Repo()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Remic.sln"))) d = d.Parent;
        return d!.FullName;
    }

    private static readonly string[] Examples =
        [.. new[] { "sample/deal.yaml", "sample/structures.yaml", "cwalt-2004-j4/deal.yaml" }.Select(f => File.ReadAllText(Path.Combine(Repo(), "examples", f)))];

    private static readonly string[] Hostile =
    [
        "NaN", ".nan", ".inf", "-.inf", "1e400", "-1e400", "1e20", "7.9e28", "99999999999", "2147483648", "-2147483649", "99999999999999999999999999999",
        "0", "-1", "0.0001", "601", "1201", "\"\"", "~", "\"\\e[2J\"", "\"a\\0b\"", "\"x\\u202Ey\"", "9999-12-31", "1969-12-31", "2101-01-01", "0000-00-00",
        "[]", "{}", "[1, 2]", "\"=HYPERLINK(1)\"", new string('9', 400),
    ];

    [GeneratedRegex(@"(?<=: )[^,\]\}\n#]+")]
    private static partial Regex ScalarValue();

    private static void LoadsOrRefuses(string text)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            var deal = DealLoader.LoadText(text, "fuzz.yaml");
            Assert.NotEmpty(deal.Classes);
        }
        catch (RemicInputException e)
        {
            Assert.NotEmpty(e.Errors);
            Assert.All(e.Errors, x => Assert.DoesNotContain('\u001b', x.ToString()));
        }
        catch (Exception e)
        {
            Assert.Fail($"{e.GetType().Name}: {e.Message}\n--- input ---\n{text}");
        }
        Assert.True(sw.Elapsed < Bound, $"took {sw.Elapsed}\n--- input ---\n{text}");
    }

    [Fact]
    public void A_value_swapped_for_a_hostile_one_loads_or_is_refused() =>
        Gen.Select(Gen.Int[0, Examples.Length - 1], Gen.Int[0, 10_000], Gen.Int[0, Hostile.Length - 1]).Sample((e, pick, h) =>
        {
            var values = ScalarValue().Matches(Examples[e]);
            var m = values[pick % values.Count];
            LoadsOrRefuses(Examples[e][..m.Index] + Hostile[h] + Examples[e][(m.Index + m.Length)..]);
        }, iter: 400, threads: 1);

    [Fact]
    public void A_line_dropped_or_doubled_loads_or_is_refused() =>
        Gen.Select(Gen.Int[0, Examples.Length - 1], Gen.Int[0, 10_000], Gen.Bool).Sample((e, pick, drop) =>
        {
            var lines = Examples[e].Split('\n').ToList();
            var i = pick % lines.Count;
            if (drop) lines.RemoveAt(i); else lines.Insert(i, lines[i]);
            LoadsOrRefuses(string.Join('\n', lines));
        }, iter: 300, threads: 1);

    [Fact]
    public void A_character_changed_in_a_value_loads_or_is_refused() =>
        Gen.Select(Gen.Int[0, Examples.Length - 1], Gen.Int[0, 10_000], Gen.Char["0123456789.-+eE_ x:\u00e9"]).Sample((e, pick, c) =>
        {
            var values = ScalarValue().Matches(Examples[e]);
            var m = values[pick % values.Count];
            var at = m.Index + pick % Math.Max(1, m.Length);
            LoadsOrRefuses(Examples[e][..at] + c + Examples[e][(at + 1)..]);
        }, iter: 300, threads: 1);

    [Fact]
    public void Random_text_is_refused() =>
        Gen.String[Gen.Char["abc:-[]{} \n\t0123456789.\"'#&*!|>"], 0, 300].Sample(LoadsOrRefuses, iter: 300, threads: 1);

    /// <summary>Inputs the fuzz tests (and the red team) found; each once ended in an exception other than RemicInputException.</summary>
    [Theory]
    [InlineData("age: 2, loan_count: 50", "age: 99999999999, loan_count: 50")]   // int overflow in the builder
    [InlineData("loan_count: 50", "loan_count: 1000000000")]                     // a billion loans expanded at init
    [InlineData("first_distribution_date: 2004-04-25", "first_distribution_date: 9999-12-25")] // dates past 9999 in projection
    [InlineData("loan_count: 50", "loan_count: 0.0001")]                         // a fraction of a loan, expanded to one at init
    [InlineData("balance: 10000000, gross_rate: 5.50", "balance: 7.9e28, gross_rate: 5.50")]
    public void Regression_cases_are_refused_as_input(string from, string to)
    {
        var text = Examples[0].Replace(from, to);
        Assert.NotEqual(Examples[0], text);
        var e = Assert.Throws<RemicInputException>(() => DealLoader.LoadText(text, "fuzz.yaml"));
        Assert.All(e.Errors, x => Assert.Equal("fuzz.yaml", x.Source));
    }

    /// <summary>Texts the random-text fuzz found (seed e5Bimi66whb1): the YAML parser threw InvalidOperationException.</summary>
    [Theory]
    [InlineData(":: {c\"1a-!\n!\"]#|1a2&a1!|'6-cc]-.2[9b>a1!*1&510}7cac37{c3|!:8b:\"!>[: 7\"*6c17\t}")]
    [InlineData("deal: [1, 2\n")]
    public void Regression_texts_are_refused(string text) => LoadsOrRefuses(text);

    /// <summary>Found after the merge of the PAC-band, multi-group and hostile-input work (seeds 6JcHvf3H5yM1, 0R6JPQRFt-11,
    /// aiLtwBAd2lf1): a floater capped by an unknown group's net WAC reached the waterfall ("unknown group"); a group name
    /// holding an ANSI escape was echoed raw in the "expected" list of other errors.</summary>
    [Theory]
    [InlineData("net_wac_cap: [\"1\"]", "net_wac_cap: [\"3\"]", "fuzz.yaml:31:84 classes[4].coupon.net_wac_cap[0]: got '3'; expected a loan group defined under groups (1)")]
    public void Structures_regression_cases_are_refused_as_input(string from, string to, string first)
    {
        var text = Examples[1].Replace(from, to);
        Assert.NotEqual(Examples[1], text);
        var e = Assert.Throws<RemicInputException>(() => DealLoader.LoadText(text, "fuzz.yaml"));
        Assert.Equal(first, e.Errors[0].ToString());
    }

    [Fact]
    public void A_hidden_character_in_a_group_name_is_never_echoed_raw()
    {
        var text = Examples[0].Replace("- name: \"2\"", "- name: \"\\e[2J\"");
        Assert.NotEqual(Examples[0], text);
        var e = Assert.Throws<RemicInputException>(() => DealLoader.LoadText(text, "fuzz.yaml"));
        Assert.All(e.Errors, x => Assert.DoesNotContain('\u001b', x.ToString()));
    }

    [Fact]
    public void Latin1_bytes_are_refused_at_their_line()
    {
        var bytes = Encoding.Latin1.GetBytes(Examples[0].Replace("depositor: CWALT, Inc.", "depositor: Société Générale"));
        var text = new UTF8Encoding(false, false).GetString(bytes);
        var e = Assert.Throws<RemicInputException>(() => DealLoader.LoadText(text, "d.yaml"));
        Assert.Equal("d.yaml:7: a deal file in UTF-8; this line holds bytes that are not UTF-8 (was the file saved as Latin-1 or Windows-1252?)", e.Message);
    }
}
