using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Remic.Trustee.Ledger;

/// <summary>
/// The ledger cannot be used right now: locked, read-only, damaged, not a ledger, written by a newer Remic, full disk,
/// server unreachable. The message is one sentence naming the ledger and what to do; nothing was recorded.
/// </summary>
public sealed class LedgerUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The one sentence for a database failure on <paramref name="target"/>.</summary>
    public static LedgerUnavailableException From(LedgerTarget target, Exception e)
    {
        var name = SafeName(target);
        var message = e switch
        {
            SqliteException s => Sqlite(name, s),
            PostgresException p => Postgres(name, p),
            NpgsqlException n => $"ledger {name} cannot be reached ({(n.InnerException ?? n).Message.TrimEnd('.')}); check that the server is running and the Host and Port in --db",
            DbException d => $"ledger {name} failed ({d.Message.TrimEnd('.')}); check it and run the command again",
            IOException or UnauthorizedAccessException => $"ledger {name} cannot be accessed ({e.Message.TrimEnd('.')}); check the file's permissions and the disk",
            _ => $"ledger {name} failed ({e.Message.TrimEnd('.')}); check it and run the command again",
        };
        return new LedgerUnavailableException(message, e);
    }

    private static string Sqlite(string name, SqliteException s) => (s.SqliteErrorCode & 0xFF) switch
    {
        5 or 6 => $"ledger {name} is locked by another process (waited {LedgerTarget.BusyTimeoutSeconds} s); run the command again when that process has finished",
        8 => $"ledger {name} is read-only; make the file and the folder holding it writable by this user (SQLite writes a -wal file beside it)",
        14 => $"ledger {name} cannot be opened: its folder does not exist or cannot be entered, or the path is a directory; give --db a file in a writable folder",
        11 or 26 => $"ledger {name} is not a readable SQLite database (damaged, truncated or another kind of file); restore it from a backup or give --db another file",
        13 => $"ledger {name}: the disk is full and nothing was recorded; free some space and run the command again",
        10 => $"ledger {name}: disk I/O error ({s.Message.TrimEnd('.')}); check the disk and run the command again",
        1 when s.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase) || s.Message.Contains("no such column", StringComparison.OrdinalIgnoreCase) =>
            $"ledger {name} is missing part of its schema ({Quoted(s.Message)}); it is damaged or not a Remic ledger: restore it from a backup",
        _ => $"ledger {name} failed (SQLite error {s.SqliteErrorCode}: {Quoted(s.Message)}); check the file and run the command again",
    };

    private static string Postgres(string name, PostgresException p) => p.SqlState switch
    {
        "28P01" or "28000" => $"ledger {name} refused the login; check Username and Password in --db",
        "3D000" => $"ledger {name} does not exist; create the database or correct Database= in --db",
        "42P01" or "42703" => $"ledger {name} is missing part of its schema ({p.MessageText}); it is damaged or not a Remic ledger: restore it from a backup",
        "53100" => $"ledger {name}: the server's disk is full and nothing was recorded; free some space and run the command again",
        "55P03" or "40P01" or "57014" => $"ledger {name} is locked by another process; run the command again when that process has finished",
        "25006" => $"ledger {name} is read-only for this login; use a login that may write or a writable server",
        _ => $"ledger {name} failed (PostgreSQL {p.SqlState}: {p.MessageText}); check the server and run the command again",
    };

    /// <summary>SQLite's message without its "SQLite Error N: '...'" wrapper.</summary>
    private static string Quoted(string message)
    {
        var a = message.IndexOf('\'');
        var b = message.LastIndexOf('\'');
        return a >= 0 && b > a ? message[(a + 1)..b] : message.TrimEnd('.');
    }

    private static string SafeName(LedgerTarget target)
    {
        try { return target.Name; }
        catch (ArgumentException) { return target.Dialect == Dialect.Postgres ? "(PostgreSQL)" : "(SQLite)"; }
    }
}
