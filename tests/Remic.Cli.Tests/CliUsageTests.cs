namespace Remic.Cli.Tests;

/// <summary>
/// A command line that does not parse is bad input (README, "Commands"): exit 2, the error first and on stderr with the
/// command named, no help dump on stdout; `--help` still wins over a missing argument.
/// </summary>
public class CliUsageTests
{
    private static readonly string Sample = CwaltExampleDeals.PathOf("sample");

    [Fact]
    public void An_unquoted_speed_is_bad_input_with_a_hint_to_quote_it()
    {
        var (code, output, error) = Cli.Run("run", Sample, "--default", "5", "CDR", "--severity", "50");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("remic run: Unrecognized command or argument 'CDR'.", lines[0]);
        Assert.Contains("remic run: a speed with a space needs quotes, e.g. --prepay \"300 PPC\" or --default \"5 CDR\"", lines);
        Assert.Equal("Run 'remic run --help' for its options and an example.", lines[^1]);
    }

    [Theory]
    [InlineData("--prepay", "300", "psa", "e.g. --prepay \"300 PSA\" or --default \"5 CDR\"")]
    [InlineData("--prepay", "150", "PA", "e.g. --prepay \"300 PA\" or --default \"5 CDR\"")]
    [InlineData("--default", "100", "SDA", "e.g. --prepay \"300 PPC\" or --default \"5 SDA\"")]
    public void The_quoting_hint_shows_the_unit_written_with_its_own_option(string option, string value, string unit, string example)
    {
        var (code, _, error) = Cli.Run("run", Sample, option, value, unit);
        Assert.Equal(2, code);
        Assert.Contains($"remic run: a speed with a space needs quotes, {example}", error);
    }

    [Fact]
    public void A_missing_required_option_names_the_nested_command()
    {
        var (code, output, error) = Cli.Run("trustee", "close", "some-deal");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("remic trustee close: Option '--period' is required.", error);
        Assert.Contains("Run 'remic trustee close --help'", error);
        Assert.DoesNotContain("speed with a space", error);
    }

    [Fact]
    public void No_command_at_all_is_bad_input_pointing_at_the_command_list()
    {
        var (code, _, error) = Cli.Run();
        Assert.Equal(2, code);
        Assert.Contains("Run 'remic --help' for the commands.", error);
    }

    [Fact]
    public void Help_wins_over_a_missing_argument()
    {
        var (code, output, error) = Cli.Run("run", "--help");
        Assert.Equal(0, code);
        Assert.Contains("run <deal> [options]", output); // the usage line, after the host's name
        Assert.Equal("", error);
    }

    [Fact]
    public void A_value_the_command_itself_checks_keeps_its_own_located_message()
    {
        var (code, _, error) = Cli.Run("run", Sample, "--lag", "x");
        Assert.Equal(2, code);
        Assert.Contains("--lag: got 'x'", error);
    }
}
