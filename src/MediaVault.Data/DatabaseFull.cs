using Microsoft.Data.Sqlite;
using Npgsql;

namespace MediaVault.Data;

/// <summary>Recognises a database that could not write because its disk is full (SQLite <c>SQLITE_FULL</c>, PostgreSQL <c>53100</c>).</summary>
public static class DatabaseFull
{
    private const int SqliteFull = 13;
    private const string PostgresDiskFull = "53100";

    /// <summary>Whether <paramref name="exception"/> or anything it wraps is a database out of disk space.</summary>
    public static bool IsCause(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException { SqliteErrorCode: SqliteFull } or PostgresException { SqlState: PostgresDiskFull })
            {
                return true;
            }
        }

        return false;
    }
}
