using System.CommandLine;
using Remic.Cli;

namespace Remic.Grid.Cluster.Tests;

/// <summary>`remic grid --cluster` and `remic silo` with a bad --cluster: exit 2, a message naming --cluster, no output file.</summary>
public sealed class ClusterCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("Host=;Port=x", "a PostgreSQL connection string")]
    [InlineData("Host=127.0.0.1;Port=1;Database=remic;Username=remic;Password=secret;Timeout=3", "a PostgreSQL server this machine can reach and log in to")]
    public void A_bad_cluster_is_refused_before_any_output(string cluster, string expected)
    {
        var dir = ClusterTestFiles.TempDir();
        var outPath = Path.Combine(dir, "grid.parquet");
        var (code, _, err) = Run("grid", ClusterTestFiles.J4, "--prepay", "0,100 PPC", "--out", outPath, "--cluster", cluster);
        Assert.Equal(2, code);
        Assert.StartsWith("error: --cluster: got '", err);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("secret", err);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));

        (code, _, err) = Run("silo", "--cluster", cluster, "--address", "127.0.0.1");
        Assert.Equal(2, code);
        Assert.Contains("--cluster", err);
        Assert.Contains(expected, err);
    }

    [Fact]
    public void A_silo_address_that_is_not_an_ip_address_is_refused()
    {
        var (code, _, err) = Run("silo", "--cluster", "Host=127.0.0.1;Port=1", "--address", "my-machine");
        Assert.Equal(2, code);
        Assert.Contains("--address: got 'my-machine'; an IP address", err);
    }
}
