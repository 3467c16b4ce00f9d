using MediaVault.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediaVault.Server.Tests.Library;

/// <summary>Media stored before the MediaLibraryDetails migration get their search, name-sort and duration columns when the migrator runs.</summary>
public sealed class MediaLibraryDetailsMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mediavault-migration-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly DbContextOptions<MediaVaultDbContext> _options;

    public MediaLibraryDetailsMigrationTests()
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
    public async Task Existing_media_get_folded_search_text_name_key_and_duration()
    {
        await using (var before = new MediaVaultDbContext(_options))
        {
            await before.GetService<IMigrator>().MigrateAsync("MediaFailureCode");
            var tenantId = Guid.NewGuid();
            var now = DateTime.UtcNow;
            await before.Database.ExecuteSqlAsync($"""INSERT INTO "Tenants" ("Id", "Key", "CreatedAt") VALUES ({tenantId}, {"old"}, {now})""");
            await InsertMediaAsync(before, "old-audio", tenantId, "Mangoré.ogg", "Audio", """{"duration":61.5,"declared":{"duration":60}}""", now);
            await InsertMediaAsync(before, "old-pending", tenantId, "Ñandú.mp3", "Audio", """{"declared":{"duration":12.25}}""", now);
            await InsertMediaAsync(before, "old-image", tenantId, "Straße.jpg", "Image", """{"width":10,"height":10}""", now);
        }

        await new Data.DatabaseMigrator(new Factory(_options)).MigrateAsync(CancellationToken.None);

        await using var after = new MediaVaultDbContext(_options);
        var media = await after.Media.AsNoTracking().OrderBy(m => m.Id).ToDictionaryAsync(m => m.Id);
        Assert.Equal("mangore.ogg", media["old-audio"].NameKey);
        Assert.Contains("mangore", media["old-audio"].SearchText, StringComparison.Ordinal);
        Assert.Equal(61.5, media["old-audio"].DurationKey);
        Assert.Equal(1000, media["old-audio"].SizeKey);
        Assert.Equal("nandu.mp3", media["old-pending"].NameKey);
        Assert.Equal(12.25, media["old-pending"].DurationKey);
        Assert.Equal("strasse.jpg", media["old-image"].NameKey);
        Assert.Equal(-1, media["old-image"].DurationKey);
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

    private static Task<int> InsertMediaAsync(MediaVaultDbContext db, string id, Guid tenantId, string name, string kind, string metadata, DateTime now) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Media" ("Id", "TenantId", "Kind", "Name", "IsLink", "State", "Area", "Size", "MimeType", "MetadataJson", "CreatedAt", "UpdatedAt")
            VALUES ({id}, {tenantId}, {kind}, {name}, {false}, {"Ready"}, {"Permanent"}, {1000L}, {"audio/ogg"}, {metadata}, {now}, {now})
            """);

    private sealed class Factory(DbContextOptions<MediaVaultDbContext> options) : IDbContextFactory<MediaVaultDbContext>
    {
        public MediaVaultDbContext CreateDbContext() => new(options);
    }
}
