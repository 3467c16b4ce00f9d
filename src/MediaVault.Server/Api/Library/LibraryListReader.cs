using System.Data.Common;
using MediaVault.Core.Media;
using MediaVault.Core.Storage;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Library;

/// <summary>
/// Reads a library list page with the SQL of <see cref="LibraryListSql"/> on the context's own connection, straight
/// into the few fields <see cref="LibraryViews.Media"/> shows: two commands (the page, then its previews and tags;
/// a third counts for numbered pages), no LINQ translation, no change tracking, no materializer. EF Core's query
/// pipeline was about half of a list request's CPU. On SQLite the commands stay prepared between requests
/// (<see cref="SqliteListStatements"/>).
/// </summary>
public sealed class LibraryListReader(MediaVaultDbContext db, LibraryViews views, SqliteListStatements statements)
{
    /// <summary>The page and, for numbered pages, the total; null when the cursor's key does not fit the sort.</summary>
    public async Task<(List<MediaItem> Items, int? Total)?> ReadAsync(Guid tenantId, LibraryListQuery list, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        if (LibraryListSql.Build(sqlite, tenantId, list) is not { } sql)
        {
            return null;
        }

        if (sqlite)
        {
            // Statements kept prepared on connections reserved for lists (see SqliteListStatements).
            var prepared = statements.Rent(db.Database.GetConnectionString()!);
            var healthy = false;
            try
            {
                var page = await ReadAsync(sql, tenantId, list.Limit, (text, parameters) => prepared.Command(text, parameters), owned: false, cancellationToken);
                healthy = true;
                return page;
            }
            finally
            {
                statements.Return(prepared, healthy);
            }
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            return await ReadAsync(sql, tenantId, list.Limit, (text, parameters) => Command(connection, text, parameters), owned: true, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<(List<MediaItem> Items, int? Total)> ReadAsync(
        LibraryListSql sql, Guid tenantId, int limit, Func<string, List<(string Name, object Value)>, DbCommand> commands, bool owned, CancellationToken cancellationToken)
    {
        int? total = null;
        if (sql.Count is { } count)
        {
            var counting = commands(count, sql.Parameters);
            try
            {
                total = Convert.ToInt32(await counting.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }
            finally
            {
                await Release(counting, owned);
            }
        }

        var items = new List<MediaItem>(limit);
        var command = commands(sql.Page, sql.Parameters);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Row(reader, tenantId));
            }
        }
        finally
        {
            await Release(command, owned);
        }

        if (items.Count > 0)
        {
            await AddExtrasAsync(items, commands, owned, cancellationToken);
        }

        return (items, total);
    }

    private async Task AddExtrasAsync(List<MediaItem> items, Func<string, List<(string Name, object Value)>, DbCommand> commands, bool owned, CancellationToken cancellationToken)
    {
        var previews = views.PreviewNames;
        var parameters = new List<(string, object)>(items.Count + previews.Count);
        parameters.AddRange(items.Select((m, i) => ($"@m{i}", (object)m.Id)));
        parameters.AddRange(previews.Select((n, i) => ($"@r{i}", (object)n)));
        var byId = items.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var command = commands(LibraryListSql.Extras(items.Count, previews.Count), parameters);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var media = byId[reader.GetString(0)];
                var text = reader.GetString(2);
                if (reader.GetInt32(1) == 0)
                {
                    media.Renditions.Add(new MediaRendition { MediaId = media.Id, Name = text, MimeType = "" });
                }
                else
                {
                    media.Tags.Add(new MediaTag { MediaId = media.Id, Tag = text, Key = "", SearchKey = "", Position = reader.GetInt32(3) });
                }
            }
        }
        finally
        {
            await Release(command, owned);
        }
    }

    /// <summary>Disposes a command made for this read; a kept prepared one stays.</summary>
    private static ValueTask Release(DbCommand command, bool owned) => owned ? command.DisposeAsync() : ValueTask.CompletedTask;

    private static DbCommand Command(DbConnection connection, string text, List<(string Name, object Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static MediaItem Row(DbDataReader reader, Guid tenantId) => new()
    {
        Id = reader.GetString(0),
        TenantId = tenantId,
        Kind = Enum.Parse<MediaKind>(reader.GetString(1)),
        Name = reader.GetString(2),
        State = Enum.Parse<MediaState>(reader.GetString(3)),
        FailureReason = reader.IsDBNull(4) ? null : reader.GetString(4),
        FailureCode = reader.IsDBNull(5) ? null : reader.GetString(5),
        Area = Enum.Parse<StorageArea>(reader.GetString(6)),
        Size = reader.IsDBNull(7) ? null : reader.GetInt64(7),
        MimeType = reader.IsDBNull(8) ? null : reader.GetString(8),
        CreatedAt = Utc(reader.GetDateTime(9)),
        AltText = reader.IsDBNull(10) ? null : reader.GetString(10),
        Description = reader.IsDBNull(11) ? null : reader.GetString(11),
        ArchivedAt = reader.IsDBNull(12) ? null : Utc(reader.GetDateTime(12)),
        NameKey = reader.GetString(13),
        DurationKey = reader.GetDouble(14),
        SizeKey = reader.GetInt64(15),
        Width = reader.IsDBNull(16) ? null : reader.GetInt32(16),
        Height = reader.IsDBNull(17) ? null : reader.GetInt32(17),
        Duration = reader.IsDBNull(18) ? null : reader.GetDouble(18),
    };

    /// <summary>Timestamps are stored in UTC; SQLite hands them back unspecified (as EF Core's converter marks them).</summary>
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
