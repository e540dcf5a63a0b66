using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using Orleans.Hosting;
using Orleans.TestingHost;
using Remic.Core;

namespace Remic.Grid.Cluster.Tests;

/// <summary>
/// --tls: a self-signed certificate made here; two in-process silos and the client all use it and run a grid to the local
/// engine's bytes; each end accepts only the same certificate; a missing, unreadable, wrongly protected, key-less or
/// expired certificate is refused naming the option, and `remic grid`/`remic silo` exit 2 writing nothing.
/// </summary>
public sealed class ClusterTlsTests : IDisposable
{
    private readonly string dir = ClusterTestFiles.TempDir();
    public void Dispose() => Directory.Delete(dir, true);

    /// <summary>A self-signed RSA certificate valid from <paramref name="from"/> days to <paramref name="to"/> days from now, as a .pfx file.</summary>
    private string Pfx(string name, string? password, int from = -1, int to = 30, bool withKey = true)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(from), DateTimeOffset.UtcNow.AddDays(to));
        var path = Path.Combine(dir, name + ".pfx");
        if (withKey) File.WriteAllBytes(path, cert.Export(X509ContentType.Pkcs12, password));
        else
        {
            using var publicOnly = X509CertificateLoader.LoadCertificate(cert.Export(X509ContentType.Cert));
            File.WriteAllBytes(path, publicOnly.Export(X509ContentType.Pkcs12, password));
        }
        return path;
    }

    private string Text(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The certificate the in-process silos and client of the TLS test use (the configurators are built by TestingHost).</summary>
    private static ClusterTls? shared;

    private sealed class TlsSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.AddGridWorker().UseTls(shared!.Certificate, shared.Configure);
    }

    private sealed class TlsClient : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder client) =>
            client.AddGridClient().UseTls(shared!.Certificate, shared.Configure);
    }

    [Fact]
    public async Task Two_silos_and_the_client_over_tls_give_the_local_engines_bytes()
    {
        Environment.SetEnvironmentVariable("REMIC_TEST_PFX_PASSWORD", "s3cret");
        shared = ClusterTls.Load(Pfx("remic-cluster", "s3cret"), "REMIC_TEST_PFX_PASSWORD");
        var job = new GridJob { Deals = [GridDeal.Read(ClusterTestFiles.Sample)], Axes = GridAxes.Parse("0,100,300 PPC", "0,5 CDR", "50", "6"), Price = "100-00" };
        var local = await ClusterTestFiles.Parquet(job, new LocalExecutor(1));

        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<TlsSilo>();
        builder.AddClientBuilderConfigurator<TlsClient>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var executor = new ClusterExecutor(cluster.Client, new ClusterExecutorOptions { MaxInFlight = 4, Window = 8 });
        var remote = await ClusterTestFiles.Parquet(job, executor, workers: 1);
        Assert.Equal(local, remote);
        Assert.Equal(6, executor.BySilo.Values.Sum()); // 6 scenarios, one per batch (one worker: batches of 1)
    }

    [Fact]
    public void Each_end_accepts_only_the_clusters_own_certificate()
    {
        var tls = ClusterTls.Load(Pfx("remic-cluster", null), null);
        var options = new TlsOptions();
        tls.Configure(options);
        Assert.Equal(RemoteCertificateMode.RequireCertificate, options.RemoteCertificateMode);
        Assert.Equal(RemoteCertificateMode.RequireCertificate, options.ClientCertificateMode);
        using var other = X509CertificateLoader.LoadPkcs12FromFile(Pfx("intruder", null), null);
        using var same = X509CertificateLoader.LoadCertificate(tls.Certificate.Export(X509ContentType.Cert)); // the public part, as a peer presents it
        Assert.True(options.RemoteCertificateValidation!(same, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(options.RemoteCertificateValidation!(other, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(options.RemoteCertificateValidation!(null!, null, System.Net.Security.SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void A_bad_certificate_is_refused_naming_the_option()
    {
        Environment.SetEnvironmentVariable("REMIC_TEST_PFX_RIGHT", "right");
        Environment.SetEnvironmentVariable("REMIC_TEST_PFX_WRONG", "wrong");
        var locked = Pfx("locked", "right");
        var cases = new (Func<ClusterTls> Load, string Option, string Expected)[]
        {
            (() => ClusterTls.Load(Path.Combine(dir, "missing.pfx"), null), "--tls", "an existing PKCS#12 (.pfx) file holding the cluster's certificate and its private key"),
            (() => ClusterTls.Load(locked, null), "--tls", "a PKCS#12 (.pfx) file this machine can read (without a password: give its password's environment variable with --tls-password-env VAR if it has one)"),
            (() => ClusterTls.Load(locked, "REMIC_TEST_PFX_WRONG"), "--tls", "a PKCS#12 (.pfx) file that the password in $REMIC_TEST_PFX_WRONG opens"),
            (() => ClusterTls.Load(locked, "REMIC_TEST_PFX_UNSET_" + Guid.NewGuid().ToString("N")), "--tls-password-env", "the name of an environment variable that is set, holding the certificate file's password"),
            (() => ClusterTls.Load(Pfx("no-key", null, withKey: false), null), "--tls", "a PKCS#12 (.pfx) file holding the certificate's private key; this one has only the certificate"),
            (() => ClusterTls.Load(Pfx("expired", null, from: -60, to: -30), null), "--tls", "a certificate valid today; this one is valid from"),
            (() => ClusterTls.Load(Text("notes.pfx", "not a certificate"), null), "--tls", "a PKCS#12 (.pfx) file this machine can read"),
        };
        foreach (var (load, option, expected) in cases)
        {
            var e = Assert.Throws<RemicInputException>(load);
            var error = Assert.Single(e.Errors);
            Assert.Equal(option, error.Source);
            Assert.StartsWith(expected, error.Expected);
            Assert.DoesNotContain("right", e.Message.Replace("REMIC_TEST_PFX_RIGHT", "")); // never the password
        }
        Assert.Equal("CN=locked", ClusterTls.Load(locked, "REMIC_TEST_PFX_RIGHT").Certificate.Subject);
    }

    [Fact]
    public void The_cli_refuses_a_bad_tls_before_any_output()
    {
        var outPath = Path.Combine(dir, "g.csv");
        var missing = Path.Combine(dir, "missing.pfx");
        foreach (var args in new[]
        {
            new[] { "grid", ClusterTestFiles.Sample, "--out", outPath, "--cluster", "Host=127.0.0.1;Port=1", "--tls", missing },
            new[] { "grid", ClusterTestFiles.Sample, "--out", outPath, "--tls", Pfx("alone", null) },
            new[] { "silo", "--cluster", "Host=127.0.0.1;Port=1", "--address", "127.0.0.1", "--tls", missing },
            new[] { "silo", "--cluster", "Host=127.0.0.1;Port=1", "--address", "127.0.0.1", "--tls-password-env", "HOME" },
        })
        {
            var error = new StringWriter();
            var code = Remic.Cli.Program.BuildRoot().Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = new StringWriter(), Error = error });
            Assert.Equal(2, code);
            Assert.Matches(@"^error: --tls(-password-env)?: got '", error.ToString());
        }
        Assert.False(File.Exists(outPath));
    }
}
