namespace Remic.Cli.Tests;

/// <summary><c>remic oas</c>: a small run's table and JSON, and bad input as input errors (exit 2, the option named).</summary>
public sealed class OasCliTests
{
    private const string Curve = "6MO 2.634, 2YR 3.142, 3YR 3.295, 5YR 3.637, 10YR 4.140, 30YR 4.645";
    private static string J4 => Path.Combine(CwaltExampleDeals.RepoRoot(), "examples", "cwalt-2004-j4", "deal.yaml");

    [Fact]
    public void Zero_volatility_run_prints_the_OAS_equal_to_the_forward_curve_Z_spread()
    {
        var (code, stdout, stderr) = Cli.Run(["oas", J4, "--class", "1-A-4,1-A-1", "--price", "99-16,100", "--curve", Curve, "--vol", "0",
            "--paths", "2", "--no-durations", "--format", "json"]);
        Assert.True(code == 0, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var classes = doc.RootElement.GetProperty("classes");
        Assert.Equal(2, classes.GetArrayLength());
        foreach (var c in classes.EnumerateArray())
            Assert.True(Math.Abs(c.GetProperty("oas_bp").GetDouble() - c.GetProperty("z_forward_bp").GetDouble()) < 0.1, c.ToString());
        Assert.Equal(99.5, classes[0].GetProperty("price").GetDouble(), 6);
    }

    [Theory]
    [InlineData("--vol", "-5", "--vol")]
    [InlineData("--paths", "1", "--paths")]
    [InlineData("--method", "halton", "--method")]
    [InlineData("--class", "9-Z-9", "--class")]
    [InlineData("--curve", "10YR", "--curve")]
    public void Bad_input_exits_2_naming_the_option(string option, string value, string named)
    {
        var args = new List<string> { "oas", J4, "--class", "1-A-4", "--price", "99-16", "--curve", Curve, "--paths", "2", "--no-durations" };
        var at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value; else args.AddRange([option, value]);
        var (code, _, stderr) = Cli.Run([.. args]);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {named}", stderr);
    }

    [Fact]
    public void Help_shows_its_example()
    {
        var (code, stdout, _) = Cli.Run("oas", "--help");
        Assert.Equal(0, code);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(stdout.Replace("\r\n", "\n"), @"\n\s*Example:\n\s+remic oas "));
    }

    [Fact]
    public void Price_and_oas_together_are_refused()
    {
        var (code, _, stderr) = Cli.Run(["oas", J4, "--class", "1-A-4", "--price", "99-16", "--oas", "50", "--curve", Curve]);
        Assert.Equal(2, code);
        Assert.Contains("either --price", stderr);
    }
}
