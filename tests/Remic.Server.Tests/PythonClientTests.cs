using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Remic.Server.Tests;

/// <summary>
/// The Python client's own tests (clients/python/tests) against a live `remic serve`, with Debian's python3: once with
/// pandas (DataFrames) and once with it hidden (lists of dicts). .ci/run installs python3 and python3-pandas.
/// </summary>
[Collection("live")]
public sealed class PythonClientTests(LiveServe live)
{
    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_python_client_tests_pass_against_remic_serve(bool hidePandas)
    {
        if (!hidePandas && !PandasInstalled())
            Assert.Fail("python3-pandas is not installed (.ci/run installs it): the client's DataFrame path cannot be tested");
        var (code, text, err) = ServerFixture.Cli("price", ServerFixture.RepoFile("examples/cwalt-2004-j4/deal.yaml"), "--class", "1-A-1",
            "--speeds", "200 PPC", "--pricing-speed", "200 PPC", "--prices", "100-00", "--format", "json");
        Assert.True(code == 0, err);
        var wal = JsonNode.Parse(text)!["speeds"]![0]!["wal_years"]!.ToJsonString();
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = ServerFixture.RepoFile("clients/python") };
        foreach (var a in new[] { "-m", "unittest", "discover", "-s", "tests", "-v" }) psi.ArgumentList.Add(a);
        // Without pandas only the table-shaped answers are run again (lists of dicts instead of DataFrames).
        if (hidePandas) foreach (var k in new[] { "pandas_mode", "deals", "run_", "decrement", "bad_input" }) { psi.ArgumentList.Add("-k"); psi.ArgumentList.Add(k); }
        psi.Environment["REMIC_URL"] = live.Url;
        psi.Environment["REMIC_API_KEY"] = LiveServe.Key;
        psi.Environment["REMIC_EXPECT_WAL"] = wal;
        psi.Environment["REMIC_NO_PANDAS"] = hidePandas ? "1" : "0";
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "python3 did not finish in 2 minutes");
        var report = stdout.Result + stderr.Result;
        Assert.True(p.ExitCode == 0, report);
        Assert.Contains("OK", report);
        Assert.Matches(@"Ran (\d+) tests", report);
    }

    private static bool PandasInstalled()
    {
        var psi = new ProcessStartInfo(Python, "-c \"import pandas\"") { RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        p.WaitForExit(30_000);
        return p.ExitCode == 0;
    }
}
