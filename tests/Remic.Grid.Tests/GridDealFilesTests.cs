using Remic.Core;

namespace Remic.Grid.Tests;

/// <summary>A folder of mixed YAML: its deal files are taken, the others skipped with their reason, a broken deal never skipped.</summary>
public sealed class GridDealFilesTests : IDisposable
{
    private readonly string dir = TestFiles.TempDir();
    public void Dispose() => Directory.Delete(dir, true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private (IReadOnlyList<string> Deals, List<SkippedFile> Skipped) Expand(params string[] args)
    {
        var skipped = new List<SkippedFile>();
        var deals = GridDealFiles.Expand(args, skipped.Add);
        return (deals, skipped);
    }

    [Fact]
    public void A_folder_gives_its_deal_files_and_names_every_other_yaml_file_with_its_reason()
    {
        var deal = Write("a/deal.yaml", File.ReadAllText(TestFiles.Sample));
        Write("alerts.yml", "groups:\n  - name: remic\n    rules: []\n"); // a Prometheus rules file: groups: alone is not a deal
        Write("list.yaml", "- 1\n- 2\n");
        Write("empty.yaml", "");
        Write("broken.yaml", "settings: [unclosed\nother: 1\n");
        Write(".github/workflows/ci.yml", "on: push\n"); // hidden folder: not looked at
        Write(".hidden.yaml", "deal: {}\n"); // hidden file: not looked at
        Write("notes.txt", "deal: not yaml by its name\n");

        var (deals, skipped) = Expand(dir);

        Assert.Equal([deal], deals);
        Assert.Equal(["alerts.yml", "broken.yaml", "empty.yaml", "list.yaml"], skipped.Select(s => Path.GetFileName(s.File)));
        Assert.Equal("no top-level deal:, classes: or waterfall: section (it has groups:): not a deal file", skipped[0].Why);
        Assert.StartsWith("not valid YAML", skipped[1].Why);
        Assert.EndsWith("and no line starting with deal:, classes: or waterfall:", skipped[1].Why);
        Assert.Equal("its top level is not a mapping of sections (not a deal file)", skipped[2].Why);
        Assert.Equal("its top level is not a mapping of sections (not a deal file)", skipped[3].Why);
    }

    [Fact]
    public void The_examples_folder_gives_every_example_deal()
    {
        var examples = Path.Combine(TestFiles.Repo(), "examples");
        var (deals, skipped) = Expand(examples);
        var expected = Directory.EnumerateFiles(examples, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, deals); // every example YAML is a deal (examples/sample/structures.yaml too)
        Assert.Empty(skipped);
        Assert.All(deals, d => GridDeal.Read(d)); // and loads
    }

    [Fact]
    public void A_deal_that_is_invalid_is_taken_so_its_error_is_reported_never_skipped()
    {
        var sample = File.ReadAllText(TestFiles.Sample);
        var invalid = Write("invalid.yaml", sample.Replace("balance: 30000000", "balance: lots"));
        var unparsable = Write("unparsable.yaml", sample.Replace("trust_name:", "trust_name: [unclosed"));
        var onlyClasses = Write("classes-only.yaml", "classes:\n  - { name: A, balance: 1 }\n");
        var (deals, skipped) = Expand(dir);
        Assert.Empty(skipped);
        Assert.Equal([onlyClasses, invalid, unparsable], deals);
        foreach (var d in deals)
        {
            var e = Assert.Throws<RemicInputException>(() => GridDeal.Read(d));
            Assert.All(e.Errors, x => Assert.Equal(d, x.Source));
        }
        var bad = Assert.Throws<RemicInputException>(() => GridDeal.Read(invalid)).Errors[0];
        Assert.True(bad.Line > 0, "the invalid balance is located at its line");
        Assert.Contains("balance", bad.Field);
    }

    [Fact]
    public void A_folder_without_a_deal_is_an_input_error_naming_it()
    {
        Write("alerts.yml", "groups: []\n");
        var (deals, skipped) = (Array.Empty<string>(), new List<SkippedFile>());
        var e = Assert.Throws<RemicInputException>(() => GridDealFiles.Expand([dir], skipped.Add));
        var error = Assert.Single(e.Errors);
        Assert.Equal(dir, error.Source);
        Assert.Equal("a folder holding deal files (YAML with a top-level deal:, classes: or waterfall: section); none of its 1 YAML file(s) is one", error.Expected);
        Assert.Single(skipped);
        Assert.Empty(deals);

        var empty = Directory.CreateDirectory(Path.Combine(dir, "..", Path.GetFileName(dir) + "-empty")).FullName;
        try
        {
            var none = Assert.Throws<RemicInputException>(() => GridDealFiles.Expand([empty], _ => { }));
            Assert.Equal("a folder holding deal files (.yaml or .yml); it has none", none.Errors[0].Expected);
        }
        finally { Directory.Delete(empty); }
    }

    [Fact]
    public void A_file_named_on_the_command_line_is_a_deal_whatever_it_holds_and_is_refused_located()
    {
        var alerts = Write("alerts.yml", "groups: []\n");
        var (deals, skipped) = Expand(alerts);
        Assert.Equal([alerts], deals);
        Assert.Empty(skipped);
        var e = Assert.Throws<RemicInputException>(() => GridDeal.Read(alerts));
        Assert.All(e.Errors, x => Assert.Equal(alerts, x.Source));
        var missing = Assert.Throws<RemicInputException>(() => GridDealFiles.Expand([Path.Combine(dir, "nope.yaml")], _ => { }));
        Assert.Equal("an existing deal file or folder", missing.Errors[0].Expected);
    }
}
