using System.Globalization;
using System.Text;
using MediaVault.Core.Media;

namespace MediaVault.Server.Api.Library;

/// <summary>
/// The SQL of a library list page, written by hand for SQLite and PostgreSQL (quoted identifiers as EF Core names
/// them, the same predicates its LINQ translation produced: <c>instr</c>/<c>strpos</c> substring tests, plain
/// <c>&lt;</c>/<c>&gt;</c> on keys and ids, so both databases order and compare exactly as before). Values are
/// always parameters. Null from <see cref="Build"/> when the cursor's key does not fit the sort.
/// </summary>
public sealed class LibraryListSql
{
    /// <summary>The listed columns, in the order <see cref="LibraryListReader"/> reads them.</summary>
    private const string Columns =
        """m."Id", m."Kind", m."Name", m."State", m."FailureReason", m."FailureCode", m."Area", m."Size", m."MimeType", m."CreatedAt", m."AltText", m."Description", m."ArchivedAt", m."NameKey", m."DurationKey", m."SizeKey", m."Width", m."Height", m."Duration" """;

    private readonly StringBuilder where = new();

    private LibraryListSql(bool sqlite) => Sqlite = sqlite;

    public bool Sqlite { get; }

    /// <summary>Name and value of every parameter the texts use.</summary>
    public List<(string Name, object Value)> Parameters { get; } = [];

    /// <summary>The page's rows, in the list's order.</summary>
    public string Page { get; private set; } = "";

    /// <summary>How many media match (numbered pages only), or null.</summary>
    public string? Count { get; private set; }

    public static LibraryListSql? Build(bool sqlite, Guid tenantId, LibraryListQuery list)
    {
        var sql = new LibraryListSql(sqlite);
        // EF Core stores a Guid on SQLite as upper-case text.
        var tenant = sql.Add(sqlite ? tenantId.ToString().ToUpperInvariant() : tenantId);
        sql.where.Append(CultureInfo.InvariantCulture, $"""m."TenantId" = {tenant} AND NOT m."IsLink" """);
        sql.Filter(list, tenant);
        if (list.Keyset && list.After is { } cursor && !sql.After(list.Sort, cursor))
        {
            return null;
        }

        var order = Order(list.Sort);
        var limit = sql.Add(list.Limit);
        var offset = sql.Add(list.Keyset ? 0 : (list.Page - 1) * list.Limit);
        sql.Page = $"""SELECT {Columns} FROM "Media" AS m WHERE {sql.where} ORDER BY {order} LIMIT {limit} OFFSET {offset}""";
        sql.Count = list.Keyset ? null : $"""SELECT count(*) FROM "Media" AS m WHERE {sql.where}""";
        return sql;
    }

    /// <summary>
    /// The previews (among <paramref name="previews"/>) and the tags of the listed media, as rows of
    /// (media id, 0 and rendition name, or 1 and tag and position).
    /// </summary>
    public static string Extras(int media, int previews) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            SELECT r."MediaId", 0, r."Name", 0 FROM "Renditions" AS r WHERE r."MediaId" IN ({List("@m", media)}) AND r."Name" IN ({List("@r", previews)})
            UNION ALL
            SELECT t."MediaId", 1, t."Tag", t."Position" FROM "MediaTags" AS t WHERE t."MediaId" IN ({List("@m", media)})
            """);

    private static string List(string prefix, int count) =>
        string.Join(", ", Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}")));

    private void Filter(LibraryListQuery list, string tenant)
    {
        if (list.Type is { Length: > 0 } type)
        {
            if (type.Contains('/', StringComparison.Ordinal))
            {
                where.Append(CultureInfo.InvariantCulture, $"""AND m."MimeType" = {Add(type)} """);
            }
            else
            {
                var prefix = Add(type + "/");
                where.Append(CultureInfo.InvariantCulture, $"""AND substr(m."MimeType", 1, length({prefix})) = {prefix} """);
            }
        }

        if (list.Search is { Length: > 0 } needle)
        {
            // A substring test on both providers (instr / strpos): no LIKE, so % and _ in q are plain characters.
            var q = Add(needle);
            var contains = Sqlite ? "instr" : "strpos";
            where.Append(CultureInfo.InvariantCulture,
                $"""AND ({contains}(m."SearchText", {q}) > 0 OR EXISTS (SELECT 1 FROM "MediaTags" AS s WHERE s."MediaId" = m."Id" AND {contains}(s."SearchKey", {q}) > 0)) """);
        }

        foreach (var key in list.TagKeys)
        {
            // IN (the tag's media, read once through the (tenant, key) index) rather than a probe per listed media.
            where.Append(CultureInfo.InvariantCulture, $"""AND m."Id" IN (SELECT t."MediaId" FROM "MediaTags" AS t WHERE t."TenantId" = {tenant} AND t."Key" = {Add(key)}) """);
        }

        where.Append(list.Archived ? """AND m."ArchivedAt" IS NOT NULL """ : """AND m."ArchivedAt" IS NULL """);
        if (list.States is { } states)
        {
            where.Append(states.Length == 0 ? "AND 0 = 1 " : $"""AND m."State" IN ({string.Join(", ", states.Select(s => Add(s.ToString())))}) """);
        }
    }

    private bool After(LibrarySort sort, LibraryCursor cursor)
    {
        string column;
        object key;
        switch (sort.Field)
        {
            case LibrarySortField.CreatedAt:
                if (!long.TryParse(cursor.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks)
                {
                    return false;
                }

                var at = new DateTime(ticks, DateTimeKind.Utc);
                column = "CreatedAt";
                // EF Core's SQLite text of a timestamp, which is what the column holds.
                key = Sqlite ? at.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture) : at;
                break;
            case LibrarySortField.Name:
                column = "NameKey";
                key = cursor.Key;
                break;
            case LibrarySortField.Size:
                if (!long.TryParse(cursor.Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size))
                {
                    return false;
                }

                column = "SizeKey";
                key = size;
                break;
            case LibrarySortField.Duration:
                if (!double.TryParse(cursor.Key, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
                {
                    return false;
                }

                column = "DurationKey";
                key = seconds;
                break;
            default:
                return false;
        }

        var op = sort.Descending ? "<" : ">";
        var value = Add(key);
        var id = Add(cursor.Id);
        where.Append(CultureInfo.InvariantCulture, $"""AND (m."{column}" {op} {value} OR (m."{column}" = {value} AND m."Id" {op} {id})) """);
        return true;
    }

    private static string Order(LibrarySort sort)
    {
        var column = sort.Field switch
        {
            LibrarySortField.CreatedAt => "CreatedAt",
            LibrarySortField.Name => "NameKey",
            LibrarySortField.Size => "SizeKey",
            LibrarySortField.Duration => "DurationKey",
        };
        var direction = sort.Descending ? "DESC" : "ASC";
        return $"""m."{column}" {direction}, m."Id" {direction}""";
    }

    private string Add(object value)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"@p{Parameters.Count}");
        Parameters.Add((name, value));
        return name;
    }
}
