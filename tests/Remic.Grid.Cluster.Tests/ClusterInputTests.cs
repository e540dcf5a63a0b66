using Remic.Core;

namespace Remic.Grid.Cluster.Tests;

/// <summary>What a user gets for a wrong --cluster: an input error naming the option, never the password, never a stack trace.</summary>
public sealed class ClusterInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Host=localhost;Port=notaport;Password=secret")]
    [InlineData("nonsense")]
    [InlineData("Database=remic;Username=remic;Password=secret")]
    public void A_malformed_connection_string_is_refused_naming_the_option_without_the_password(string text)
    {
        var e = Assert.Throws<RemicInputException>(() => ClusterConnection.Parse(text));
        var error = Assert.Single(e.Errors);
        Assert.Equal("--cluster", error.Source);
        Assert.Contains("PostgreSQL connection string", error.Expected);
        Assert.DoesNotContain("secret", e.Message);
    }

    [Fact]
    public void A_good_connection_string_shows_host_port_and_database_only()
    {
        var c = ClusterConnection.Parse("Host=db.example;Port=5433;Database=grid;Username=u;Password=secret");
        Assert.Equal("db.example:5433/grid", c.Display);
    }

    [Fact]
    public async Task An_unreachable_server_is_an_input_error_naming_the_option()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var c = ClusterConnection.Parse("Host=127.0.0.1;Port=1;Database=remic;Username=remic;Password=secret;Timeout=3");
        var e = await Assert.ThrowsAsync<RemicInputException>(() => GridClient.ConnectAsync(c, TimeSpan.FromSeconds(2)));
        var error = Assert.Single(e.Errors);
        Assert.Equal("--cluster", error.Source);
        Assert.Equal("127.0.0.1:1/remic", error.Value);
        Assert.Contains("a PostgreSQL server this machine can reach and log in to", error.Expected);
        Assert.DoesNotContain("secret", e.Message);
        var silo = await Assert.ThrowsAsync<RemicInputException>(() => GridSilo.StartAsync(new SiloSettings(c, System.Net.IPAddress.Loopback)));
        Assert.Equal("--cluster", Assert.Single(silo.Errors).Source);
    }
}
