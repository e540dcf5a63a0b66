using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using Remic.Core;

namespace Remic.Grid.Cluster;

/// <summary>
/// TLS between the silos and clients of a grid cluster (<c>--tls cert.pfx [--tls-password-env VAR]</c>), with Orleans'
/// connection-security package. Every silo and client is given the same certificate (a PKCS#12 file with its private
/// key, typically self-signed for the cluster): each end presents it, requires the other end to present one, and accepts
/// the other end only when it presents that same certificate (same SHA-256 thumbprint). So the traffic is encrypted and
/// only holders of the cluster's key join or send work; no certificate authority is involved.
/// </summary>
public sealed class ClusterTls
{
    public const string Option = "--tls", PasswordOption = "--tls-password-env";

    private static readonly FileLimits CertificateFile = new("certificate file (.pfx)", FileLimits.MiB, int.MaxValue);

    public X509Certificate2 Certificate { get; }
    private readonly string thumbprint;

    private ClusterTls(X509Certificate2 certificate)
    {
        Certificate = certificate;
        thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    /// <summary>Loads the certificate; a missing or unreadable file, a wrong password or no private key is an input error naming the option.</summary>
    /// <param name="passwordVariable">The environment variable holding the file's password (never the password itself on the command line); null = none.</param>
    public static ClusterTls Load(string path, string? passwordVariable)
    {
        string? password = null;
        if (passwordVariable is not null)
        {
            password = Environment.GetEnvironmentVariable(passwordVariable);
            if (password is null)
                throw new RemicInputException(PasswordOption, 0, "", passwordVariable, "the name of an environment variable that is set, holding the certificate file's password");
        }
        if (!File.Exists(path))
            throw new RemicInputException(Option, 0, "", path, "an existing PKCS#12 (.pfx) file holding the cluster's certificate and its private key");
        X509Certificate2 cert;
        try { cert = X509CertificateLoader.LoadPkcs12(UserFile.ReadBytes(path, CertificateFile, Option), password); }
        catch (CryptographicException e)
        {
            throw new RemicInputException(Option, 0, "", path, passwordVariable is null
                ? $"a PKCS#12 (.pfx) file this machine can read (without a password: give its password's environment variable with {PasswordOption} VAR if it has one) ({e.Message})"
                : $"a PKCS#12 (.pfx) file that the password in ${passwordVariable} opens ({e.Message})");
        }
        if (!cert.HasPrivateKey)
        {
            cert.Dispose();
            throw new RemicInputException(Option, 0, "", path, "a PKCS#12 (.pfx) file holding the certificate's private key; this one has only the certificate");
        }
        var now = DateTime.Now;
        if (now < cert.NotBefore || now > cert.NotAfter)
            throw new RemicInputException(Option, 0, "", path, $"a certificate valid today; this one is valid from {cert.NotBefore:yyyy-MM-dd} to {cert.NotAfter:yyyy-MM-dd}");
        return new ClusterTls(cert);
    }

    /// <summary>The options both ends use: present the certificate, require the other end's, accept only the same one.</summary>
    public void Configure(TlsOptions o)
    {
        o.LocalCertificate = Certificate;
        o.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        o.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        o.CheckCertificateRevocation = false;
        o.RemoteCertificateValidation = (remote, _, _) => remote is not null && SameCertificate(remote);
    }

    private bool SameCertificate(X509Certificate remote) =>
        string.Equals(new X509Certificate2(remote).GetCertHashString(HashAlgorithmName.SHA256), thumbprint, StringComparison.OrdinalIgnoreCase);
}
