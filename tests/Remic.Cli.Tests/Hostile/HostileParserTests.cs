using System.Text;

namespace Remic.Cli.Tests.Hostile;

/// <summary>
/// Issue 18, High items 6 (YAML) and 9 (special files and oversized inputs): every case ends in one located input
/// error, exit 2 — never a hang, a stack overflow or a raw exception — and changes nothing.
/// </summary>
[Trait("Category", "Hostile")]
public sealed class HostileParserTests
{
    // ---- 6. YAML ------------------------------------------------------------------------------------------------

    private static string Laughs()
    {
        var sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            var (n, p) = ((char)('a' + i), (char)('a' + i - 1));
            sb.Append($"{n}: &{n} [{string.Join(',', Enumerable.Repeat($"*{p}", 9))}]\n");
        }
        return sb.ToString();
    }

    private static string Sample(Func<string, string> edit) => edit(HostileKit.SampleText);

    public static TheoryData<string, string> YamlCases => new()
    {
        { Laughs(), "bad.yaml:1:4: no YAML anchors (&a); write each value out in full where it is used" },
        { "a: &x [*x]\n", "bad.yaml:1:4: no YAML anchors (&x); write each value out in full where it is used" },
        { "a: *nowhere\n", "bad.yaml:1:4: no YAML aliases (*nowhere); write the value out in full where it is used" },
        { Sample(t => t.Replace("  servicing_fee: 0.25\n    trustee_fee: 0.01\n    strip_rate: 5.50\n    rep_lines:\n      - { id: 2-discount",
            "  <<: *fees\n    rep_lines:\n      - { id: 2-discount")), "bad.yaml:28:9: no YAML aliases (*fees); write the value out in full where it is used" },
        { "deal: " + new string('[', 5000) + new string(']', 5000) + "\n", "bad.yaml:1:70: mappings and lists nested at most 64 deep" },
        { "deal: " + new string('{', 100_000) + "\n", "bad.yaml:1:70: mappings and lists nested at most 64 deep" },
        { string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', 2 * i) + $"k{i}:\n")), "bad.yaml:65:129: mappings and lists nested at most 64 deep" },
        { string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- \n")), "bad.yaml:65:129: mappings and lists nested at most 64 deep" },
        { "deal: [1, 2\n", "bad.yaml:2:1: the file is not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'" },
        { "deal: {a: 1\n", "bad.yaml:2:1: the file is not valid YAML: While parsing a flow mapping, did not find expected ',' or '}'" },
        { "deal: \"open\n", "bad.yaml:1:7: the file is not valid YAML: While scanning a quoted scalar, found unexpected end of stream" },
        { "deal:\n\ttrust_name: x\n", "bad.yaml:1:1: the file is not valid YAML: While scanning a mapping, found invalid tab as indentation" },
        { "[", "bad.yaml:2:1: the file is not valid YAML: While parsing a node, did not find expected node content" },
        { "deal: ]\n", "bad.yaml:1:7: the file is not valid YAML: While parsing a node, did not find expected node content" },
        { HostileKit.SampleText + "\n---\nfoo: 1\n", "bad.yaml:75:1: one YAML document; this file has a second one after '---' (split it into separate deal files)" },
        { HostileKit.SampleText + "\n...\n---\n" + HostileKit.SampleText, "bad.yaml:76:1: one YAML document; this file has a second one after '---' (split it into separate deal files)" },
        { Sample(t => t.Replace("trust_name: Sample", "trust_name: !!python/object Sample")),
            "bad.yaml:5:15: no YAML tags (tag:yaml.org,2002:python/object); a deal file holds plain mappings, lists, numbers and text" },
        { Sample(t => t.Replace("series: 2004-S1", "series: !custom 2004-S1")), "bad.yaml:6:11: no YAML tags (!custom); a deal file holds plain mappings, lists, numbers and text" },
        { Sample(t => t.Replace("series: 2004-S1", "series: !!binary aGVsbG8=")),
            "bad.yaml:6:11: no YAML tags (tag:yaml.org,2002:binary); a deal file holds plain mappings, lists, numbers and text" },
        { "%TAG !e! tag:example.com,2000:\n---\ndeal: !e!thing 1\n", "bad.yaml:3:7: no YAML tags (tag:example.com,2000:thing); a deal file holds plain mappings, lists, numbers and text" },
        { "", "bad.yaml:1:1: expected a YAML mapping with the sections deal, groups, classes and waterfall" },
    };

    [Theory]
    [MemberData(nameof(YamlCases))]
    public void A_hostile_yaml_deal_file_is_one_located_error(string text, string expected)
    {
        using var kit = new HostileKit();
        var bad = kit.Write("bad.yaml", text);
        // Messages carry the path as given; run from the scratch folder's path.
        kit.Refused(2, $"error: {kit.Dir}/{expected}", ["run", bad]);
    }

    [Theory]
    [InlineData("cm")]
    [InlineData("item1115")]
    [InlineData("trustee init")]
    [InlineData("trustee simulate")]
    [InlineData("price")]
    public void Billion_laughs_is_refused_by_every_command_that_reads_a_deal(string command)
    {
        using var kit = new HostileKit();
        var bad = kit.Write("bad.yaml", Laughs());
        var db = kit.Path("ledger.db");
        string[] args = command switch
        {
            "cm" => ["cm", bad, "--out", kit.Path("book")],
            "item1115" => ["item1115", bad],
            "trustee init" => ["trustee", "init", bad, "--db", db],
            "trustee simulate" => ["trustee", "simulate", bad, "--out", kit.Path("sim")],
            _ => ["price", bad, "--class", "A"],
        };
        kit.Refused(2, $"error: {bad}:1:4: no YAML anchors (&a); write each value out in full where it is used", args);
        Assert.False(File.Exists(db));
    }

    // ---- 9. Special files and oversized inputs -------------------------------------------------------------------------

    private static string Special(string what) => $"a regular file as the {what}; this path is a device, FIFO or socket, which Remic does not read";

    /// <summary>Each reader of a user file, given the path to read.</summary>
    private static string[] Reader(string reader, string path, HostileKit kit) => reader switch
    {
        "deal:run" => ["run", path],
        "deal:cm" => ["cm", path, "--out", kit.Path("book")],
        "deal:item1115" => ["item1115", path],
        "deal:init" => ["trustee", "init", path, "--db", kit.Path("ledger.db")],
        "deal:simulate" => ["trustee", "simulate", path, "--out", kit.Path("sim")],
        "tape:collateral" => ["collateral", "--tape", path],
        "tape:price" => ["price", "--tape", path, "--group", "1"],
        "index:run" => ["run", kit.Sample(), "--index", path],
        _ => throw new ArgumentException(reader),
    };

    private static string What(string reader) => reader.Split(':')[0] switch
    {
        "deal" => "deal file",
        "tape" => "loan tape",
        _ => "index file",
    };

    public static TheoryData<string, string> SpecialInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var r in new[] { "deal:run", "deal:cm", "deal:item1115", "deal:init", "deal:simulate", "tape:collateral", "tape:price", "index:run" })
            foreach (var f in new[] { "/dev/zero", "/dev/urandom", "/dev/null", "fifo", "socket" })
                data.Add(r, f);
        return data;
    }

    [Theory]
    [MemberData(nameof(SpecialInputs))]
    public void A_device_fifo_or_socket_as_input_is_refused_at_once(string reader, string file)
    {
        using var kit = new HostileKit();
        var path = file switch { "fifo" => kit.Fifo(), "socket" => kit.Socket(), _ => file };
        kit.Refused(2, $"error: {path}: {Special(What(reader))}", Reader(reader, path, kit));
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("fifo")]
    [InlineData("socket")]
    public void A_device_fifo_or_socket_as_a_remittance_is_refused_at_once(string file)
    {
        using var kit = new HostileKit();
        var (db, _) = kit.Ledger();
        var path = file switch { "fifo" => kit.Fifo(), "socket" => kit.Socket(), _ => file };
        kit.Refused(2, $"error: {path}: {Special("remittance file")}",
            ["trustee", "remit", HostileKit.DealId, "--period", HostileKit.Period, "--file", path, "--db", db], db);
    }

    [Theory]
    [InlineData("deal:run")]
    [InlineData("tape:collateral")]
    [InlineData("index:run")]
    public void A_directory_as_input_is_refused(string reader)
    {
        using var kit = new HostileKit();
        Directory.CreateDirectory(kit.Path("folder"));
        kit.Refused(2, $"error: {kit.Path("folder")}: {(reader.StartsWith("index") ? "an" : "a")} {What(reader)}; this path is a directory", Reader(reader, kit.Path("folder"), kit));
    }

    [Fact]
    public void A_deal_file_over_the_size_cap_is_refused_before_parsing()
    {
        using var kit = new HostileKit();
        var big = kit.Path("big.yaml");
        using (var f = File.Create(big)) f.SetLength(16 * 1024 * 1024 + 1);
        kit.Refused(2, $"error: {big}: a deal file of at most 16,777,216 bytes; this file is 16,777,217 bytes", ["run", big]);
    }

    [Fact]
    public void An_index_file_over_the_size_cap_is_refused_before_parsing()
    {
        using var kit = new HostileKit();
        var big = kit.Path("index.csv");
        using (var f = File.Create(big)) f.SetLength(16 * 1024 * 1024 + 1);
        kit.Refused(2, $"error: {big}: an index file of at most 16,777,216 bytes; this file is 16,777,217 bytes", ["run", kit.Sample(), "--index", big]);
    }

    [Fact]
    public void A_deal_file_line_over_the_cap_is_refused_with_its_line()
    {
        using var kit = new HostileKit();
        var bad = kit.Write("long.yaml", "deal:\n  trust_name: " + new string('x', 1 << 20) + "\n");
        kit.Refused(2, $"error: {bad}:2: a line of at most 1,048,576 characters; this line of the deal file is 1,048,590 characters long", ["run", bad]);
    }

    [Fact]
    public void An_index_file_line_over_the_cap_is_refused_with_its_line()
    {
        using var kit = new HostileKit();
        var bad = kit.Write("index.csv", "period,LIBOR_1MO\n1," + new string('5', 70_000) + "\n");
        kit.Refused(2, $"error: {bad}:2: a line of at most 65,536 characters; this line of the index file is 70,002 characters long", ["run", kit.Sample(), "--index", bad]);
    }

    [Fact]
    public void A_remittance_line_over_the_cap_is_refused_with_its_line()
    {
        using var kit = new HostileKit();
        var (db, may) = kit.Ledger();
        var bad = kit.Write("bad.csv", File.ReadAllText(may) + new string('x', 70_000) + "\n");
        var line = File.ReadAllLines(may).Length + 1;
        kit.Refused(2, $"error: {bad}:{line}: a line of at most 65,536 characters; this line of the remittance file is 70,000 characters long",
            ["trustee", "remit", HostileKit.DealId, "--period", HostileKit.Period, "--file", bad, "--db", db], db);
    }
}
