using System.Text.RegularExpressions;

namespace Remic.Cli.Tests;

/// <summary>The examples' synthetic strats tapes (issue 12 item 6) are reproducible: the command in each tape's header
/// writes it again byte for byte; every seed example has one, labelled synthetic in the tape and in SOURCES.md.</summary>
public class StratsTapeCliTests
{
    public static TheoryData<string> Examples() => new("cwalt-2004-j2", "cwalt-2004-j4", "cwalt-2004-12cb", "cwalt-2004-26t1", "cwalt-2007-12t1");

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_tapes_header_command_writes_the_same_tape_again(string example)
    {
        var tapePath = CwaltExampleDeals.PathOf(example, "strats-tape.csv");
        var tape = File.ReadAllText(tapePath);
        Assert.StartsWith("# SYNTHETIC loan-level tape", tape);
        var command = Regex.Match(tape, "`remic synth-tape deal.yaml (?<args>[^`]*)`").Groups["args"].Value;
        Assert.NotEmpty(command);
        var (code, stdout, stderr) = Cli.Run(["synth-tape", CwaltExampleDeals.PathOf(example), .. command.Split(' ')]);
        Assert.True(code == 0, stderr);
        Assert.Equal(tape, stdout);
        Assert.Contains("strats-tape.csv", File.ReadAllText(CwaltExampleDeals.PathOf(example, "SOURCES.md")));
        Assert.Contains("SYNTHETIC", File.ReadAllText(CwaltExampleDeals.PathOf(example, "SOURCES.md")));
    }

    [Fact]
    public void Bad_profile_values_are_input_errors()
    {
        var (code, _, stderr) = Cli.Run("synth-tape", CwaltExampleDeals.PathOf("cwalt-2004-j4"), "--fico", "900", "--average-balance", "200000", "--max-balance", "100000");
        Assert.Equal(2, code);
        Assert.Equal("error: --fico: got '900'; a FICO score from 300 to 850", stderr.Trim());
        (code, _, stderr) = Cli.Run("synth-tape", CwaltExampleDeals.PathOf("cwalt-2004-j4"), "--average-balance", "200000", "--max-balance", "100000");
        Assert.Equal(2, code);
        Assert.Equal("error: --max-balance: got '100000'; a largest balance at or above --average-balance", stderr.Trim());
    }
}
