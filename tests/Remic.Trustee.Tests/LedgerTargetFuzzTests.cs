using CsCheck;
using Remic.Core;
using Remic.Trustee.Ledger;

namespace Remic.Trustee.Tests;

/// <summary>
/// The ledger target parser (issue 18, the harness's "ledger targets"): any --db text ends in a target or in the one
/// input error, never another exception; a PostgreSQL string's text (it may hold a password) is never echoed; a file
/// path is never spliced into a connection string; an in-memory database is refused.
/// </summary>
[Trait("Category", "Fuzz")]
public class LedgerTargetFuzzTests
{
    private static Gen<string> Any(params string[] xs) => Gen.Int[0, xs.Length - 1].Select(i => xs[i]);

    private static readonly Gen<string> Piece = Gen.OneOf(
        Any("Host=", "host=", "Data Source=", ":memory:", "file::memory:", "Password=s3cret", "Port=", "x", ";", "=", "'", "\"", "..",
            "/tmp/a.db", "Database=", "Username=", "Mode=Memory", "Cache=Shared", "\u0000", "\u001b[2J", "\n", " ", "Timeout=-1", "Port=99999999999"),
        Gen.String[Gen.Char["abc=;'\" ./:\\"], 0, 12]);

    private static readonly Gen<string> TargetText = Piece.Array[1, 6].Select(string.Concat);

    [Fact]
    public void Any_db_text_is_a_target_or_one_input_error() => TargetText.Sample(text =>
    {
        try
        {
            var t = LedgerTarget.Parse(text);
            if (t.Dialect == Dialect.Sqlite)
            {
                var b = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(t.ConnectionString);
                Assert.NotEqual(":memory:", b.DataSource, StringComparer.OrdinalIgnoreCase);
                Assert.NotEqual(Microsoft.Data.Sqlite.SqliteOpenMode.Memory, b.Mode);
                Assert.False(b.Pooling);
                if (!text.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)) Assert.Equal(text, b.DataSource);
            }
            else Assert.StartsWith("Host=", text, StringComparison.OrdinalIgnoreCase);
        }
        catch (RemicInputException e)
        {
            Assert.All(e.Errors, x => Assert.Equal("--db", x.Source));
            if (text.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) && text.Contains("s3cret", StringComparison.Ordinal))
                Assert.DoesNotContain("s3cret", e.Message, StringComparison.Ordinal);
        }
    }, iter: 3000);

    [Theory]
    [InlineData(":memory:")]
    [InlineData("Data Source=:memory:")]
    [InlineData("file::memory:?cache=shared")]
    [InlineData("")]
    [InlineData("\n")]
    public void In_memory_or_empty_is_refused(string text)
    {
        var e = Assert.Throws<RemicInputException>(() => LedgerTarget.Parse(text));
        Assert.EndsWith("a ledger file path; an in-memory database would be lost when the command ends", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/tmp/a.db\n")]
    public void A_path_the_connection_string_would_change_is_refused(string text)
    {
        var e = Assert.Throws<RemicInputException>(() => LedgerTarget.Parse(text));
        Assert.EndsWith("a ledger file path without trailing spaces or line breaks", e.Message, StringComparison.Ordinal);
    }
}
