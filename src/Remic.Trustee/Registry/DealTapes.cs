using System.Data.Common;
using Dapper;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Trustee.Ledger;

namespace Remic.Trustee.Registry;

/// <summary>
/// The files a registered deal reads beside its text — its groups' loan tapes and its strats tape — kept in the ledger
/// (<c>deal_tapes</c>, migration 4) as they were at <c>trustee init</c>, with their SHA-256: every close and statement
/// runs on the registered copy, never on a file that may since have changed or gone. A deal registered before
/// migration 4 (<c>deals.tapes_stored = 0</c>) has its tapes read from disk at its first use after the upgrade and
/// stored then, once, with an audit entry.
/// </summary>
public static class DealTapes
{
    /// <summary>The deal's tape files that are on disk, read as every tape is (a regular file within <see cref="FileLimits.Tape"/>), by resolved path.</summary>
    public static IReadOnlyDictionary<string, byte[]> ReadFromDisk(Deal deal, string dealFile)
    {
        var tapes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in DealLoader.TapeFiles(deal, dealFile))
            if (FileKinds.Of(path) == FileKind.Regular) tapes[path] = UserFile.ReadBytes(path, FileLimits.Tape);
        return tapes;
    }

    /// <summary>The loader's file reader over stored tapes: a tape not among them is a file that is not there.</summary>
    public static Func<string, byte[]> Reader(IReadOnlyDictionary<string, byte[]> tapes) => path =>
        tapes.TryGetValue(path, out var bytes) ? bytes : throw new FileNotFoundException($"the ledger holds no copy of {path}", path);

    /// <summary>The deal loaded from its text and exactly the tape bytes given (what is stored is what was validated).</summary>
    public static Deal Load(string text, string dealFile, IReadOnlyDictionary<string, byte[]> tapes) =>
        DealLoader.LoadText(text, dealFile, Reader(tapes));

    internal static void Store(DbConnection c, DbTransaction tx, string dealId, IReadOnlyDictionary<string, byte[]> tapes)
    {
        foreach (var (file, content) in tapes.OrderBy(t => t.Key, StringComparer.Ordinal))
            c.Execute("INSERT INTO deal_tapes (deal_id, file_name, content, sha256, size_bytes) VALUES (@dealId, @file, @content, @sha, @size)",
                new { dealId, file, content, sha = AuditLog.Sha256(content), size = (long)content.Length }, tx);
        c.Execute("UPDATE deals SET tapes_stored = 1 WHERE deal_id = @dealId", new { dealId }, tx);
    }

    /// <summary>"tape.csv (sha256 ab12...)" per tape, for the audit entry.</summary>
    internal static string Describe(IReadOnlyDictionary<string, byte[]> tapes) =>
        string.Join(", ", tapes.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} ({t.Value.Length:N0} bytes, sha256 {AuditLog.Sha256(t.Value)})"));

    /// <summary>
    /// The deal as registered: its stored text and stored tapes. A deal registered before migration 4 is read with its
    /// tapes from disk, and those tapes are stored (once; a concurrent first use stores them once too).
    /// </summary>
    public static Deal FromLedger(LedgerDb db, string dealId)
    {
        using var c = db.Connect();
        var row = c.QueryFirstOrDefault<(string file_name, string content, long tapes_stored)>(
            "SELECT file_name, content, tapes_stored FROM deals WHERE deal_id = @dealId", new { dealId });
        if (row.file_name is null) throw new RemicInputException("deal", 0, "deal id", dealId, "a deal registered with `remic trustee init`");
        if (row.tapes_stored != 0)
        {
            var stored = c.Query<(string file_name, byte[] content)>("SELECT file_name, content FROM deal_tapes WHERE deal_id = @dealId", new { dealId })
                .ToDictionary(t => t.file_name, t => t.content, StringComparer.Ordinal);
            return Load(row.content, row.file_name, stored);
        }
        var fromDisk = DealLoader.LoadText(row.content, row.file_name);
        var tapes = ReadFromDisk(fromDisk, row.file_name);
        var deal = Load(row.content, row.file_name, tapes);
        using (var tx = c.BeginTransaction())
        {
            if (c.ExecuteScalar<long>("SELECT tapes_stored FROM deals WHERE deal_id = @dealId", new { dealId }, tx) != 0)
                return FromLedger(db, dealId); // another process stored them meanwhile: use what the ledger holds
            Store(c, tx, dealId, tapes);
            AuditLog.Append(c, tx, AuditLog.DefaultActor, "store-tapes", dealId, null,
                tapes.Count == 0 ? "registered before tapes were stored; the deal reads no tape"
                                 : $"registered before tapes were stored; stored from disk at first use: {Describe(tapes)}",
                tapes.Count == 0 ? null : AuditLog.Sha256(string.Concat(tapes.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => AuditLog.Sha256(t.Value)))));
            tx.Commit();
        }
        return deal;
    }
}
