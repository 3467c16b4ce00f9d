using MediaVault.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediaVault.Server.Tests.Library;

/// <summary>
/// Media stored before the ListedSpecs migration get the width, height and duration the list shows from the migration's
/// own backfill (their NameKey is set, so the migrator's C# fill does not touch them), as MediaSearchText.Fill computes them.
/// </summary>
public sealed class ListedSpecsMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mediavault-migration-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly DbContextOptions<MediaVaultDbContext> _options;

    public ListedSpecsMigrationTests()
    {
        var options = new DbContextOptionsBuilder<MediaVaultDbContext>();
        if (Infrastructure.TestBackends.Postgres is { } pg)
        {
            options.UseNpgsql($"{pg};Database=mv_migration_{Guid.NewGuid():N}", o => o.MigrationsAssembly(DataServiceCollectionExtensions.PostgresMigrationsAssembly));
        }
        else
        {
            options.UseSqlite($"Data Source={_path};Pooling=false");
        }

        _options = options.Options;
    }

    [Fact]
    public async Task Existing_media_get_width_height_and_duration_extracted_else_declared()
    {
        var cases = new Dictionary<string, (string Kind, string Metadata)>
        {
            ["image-extracted"] = ("Image", """{"width":640,"height":480,"declared":{"width":1,"height":2}}"""),
            ["image-declared"] = ("Image", """{"declared":{"width":800,"height":600,"duration":9}}"""),
            ["video-odd"] = ("Video", """{"width":"wide","height":720.5,"duration":4,"declared":{"width":1280,"height":720,"duration":5}}"""),
            ["audio-declared"] = ("Audio", """{"declared":{"duration":12.25}}"""),
            ["audio-integer"] = ("Audio", """{"duration":61}"""),
            ["document-empty"] = ("Document", "{}"),
        };
        await using (var before = new MediaVaultDbContext(_options))
        {
            await before.GetService<IMigrator>().MigrateAsync("SocialConformedRenditions");
            var tenantId = Guid.NewGuid();
            var now = DateTime.UtcNow;
            await before.Database.ExecuteSqlAsync($"""INSERT INTO "Tenants" ("Id", "Key", "CreatedAt") VALUES ({tenantId}, {"old"}, {now})""");
            foreach (var (id, (kind, metadata)) in cases)
            {
                await before.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Media" ("Id", "TenantId", "Kind", "Name", "IsLink", "State", "Area", "Size", "MimeType", "MetadataJson", "CreatedAt", "UpdatedAt", "NameKey", "SearchText", "DurationKey", "SizeKey")
                    VALUES ({id}, {tenantId}, {kind}, {id}, {false}, {"Ready"}, {"Permanent"}, {1000L}, {"application/octet-stream"}, {metadata}, {now}, {now}, {id}, {id}, {-1.0}, {1000L})
                    """);
            }
        }

        await new Data.DatabaseMigrator(new Factory(_options)).MigrateAsync(CancellationToken.None);

        await using var after = new MediaVaultDbContext(_options);
        var stored = await after.Media.AsNoTracking().ToDictionaryAsync(m => m.Id);
        foreach (var (id, (kind, metadata)) in cases)
        {
            var expected = new Core.Media.MediaItem { Id = id, Name = id, Kind = Enum.Parse<Core.Media.MediaKind>(kind), MetadataJson = metadata };
            Core.Media.MediaSearchText.Fill(expected);
            Assert.Equal((id, expected.Width, expected.Height, expected.Duration), (id, stored[id].Width, stored[id].Height, stored[id].Duration));
        }

        Assert.Equal((640, 480), (stored["image-extracted"].Width, stored["image-extracted"].Height));
        Assert.Equal(61.0, stored["audio-integer"].Duration);
        if (after.Database.IsNpgsql())
        {
            await after.Database.EnsureDeletedAsync();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private sealed class Factory(DbContextOptions<MediaVaultDbContext> options) : IDbContextFactory<MediaVaultDbContext>
    {
        public MediaVaultDbContext CreateDbContext() => new(options);
    }
}
