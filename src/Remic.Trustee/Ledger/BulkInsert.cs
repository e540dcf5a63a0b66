using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Remic.Trustee.Ledger;

public enum ColumnType { Text, BigInt, Int, Decimal }

/// <summary>
/// Inserts many rows inside the caller's transaction: PostgreSQL by binary COPY (one round trip instead
/// of one per row), SQLite by one prepared statement re-executed. The one place the dialects differ in code.
/// </summary>
public static class BulkInsert
{
    public static void Rows(DbConnection c, DbTransaction tx, string table, IReadOnlyList<(string Name, ColumnType Type)> columns, IEnumerable<object?[]> rows)
    {
        var names = string.Join(", ", columns.Select(x => x.Name));
        if (c is NpgsqlConnection pg)
        {
            using var w = pg.BeginBinaryImport($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                w.StartRow();
                for (var i = 0; i < columns.Count; i++)
                {
                    if (row[i] is null) w.WriteNull();
                    else w.Write(row[i]!, columns[i].Type switch
                    {
                        ColumnType.Text => NpgsqlDbType.Text,
                        ColumnType.BigInt => NpgsqlDbType.Bigint,
                        ColumnType.Int => NpgsqlDbType.Integer,
                        _ => NpgsqlDbType.Numeric,
                    });
                }
            }
            w.Complete();
            return;
        }
        using var cmd = (SqliteCommand)c.CreateCommand();
        cmd.Transaction = (SqliteTransaction)tx;
        cmd.CommandText = $"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var ps = columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        cmd.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < ps.Length; i++) ps[i].Value = row[i] ?? DBNull.Value;
            cmd.ExecuteNonQuery();
        }
    }
}
