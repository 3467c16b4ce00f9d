using System.Security.Cryptography;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Media;
using MediaVault.Server.Api;
using MediaVault.Server.Api.Catalog;
using MediaVault.Server.Api.Delivery;
using MediaVault.Server.Api.Library;
using MediaVault.Server.Api.Library.Compatibility;
using MediaVault.Server.Api.Uploads.Tus;
using MediaVault.Server.Api.Releases;
using MediaVault.Server.Hosting.Cors;
using MediaVault.Server.Hosting.Profiles;
using MediaVault.Server.Jobs;
using MediaVault.Storage;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Hosting;

public static class ServerServiceCollectionExtensions
{
    private const string PresignedUrlsFromS3 = "presigned bucket URLs, issued by the S3 store";

    /// <summary>Everything the CLI needs too: options, database, storage, media tools and identity helpers.</summary>
    public static IServiceCollection AddMediaVaultCore(this IServiceCollection services, IConfiguration configuration)
    {
        var dataPath = MediaVaultPaths.DataPath(configuration);
        Directory.CreateDirectory(dataPath);
        services.AddSingleton(TimeProvider.System);
        services.AddMediaVaultData(MediaVaultPaths.DatabaseProvider(configuration), MediaVaultPaths.ConnectionString(configuration));
        if (MediaVaultPaths.UsesS3(configuration))
        {
            services.AddS3BlobStore();
        }
        else
        {
            services.AddFileSystemBlobStore(o => o.RootPath = MediaVaultPaths.BlobRoot(configuration));
        }
        services.AddMediaTools();
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MediaIngestor>();
        services.AddProfiles();
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section);
        services.AddOptions<TenancyOptions>().BindConfiguration(TenancyOptions.Section);
        services.AddOptions<Api.RequestLimitsOptions>().BindConfiguration(Api.RequestLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<TenantResolver>();
        return services;
    }

    /// <summary>The web server: core services plus authentication, API surfaces, delivery, jobs and OpenAPI.</summary>
    public static IServiceCollection AddMediaVaultServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediaVaultCore(configuration);
        services.AddMediaVaultAuthentication(configuration);
        services.AddMediaVaultCors();
        services.AddMediaVaultHealthChecks();
        services.AddMediaVaultOpenApi();
        services.AddApiCompression();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);

        var dataPath = MediaVaultPaths.DataPath(configuration);
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section)
            .PostConfigure(o =>
            {
                if (o.SigningKeys.Count == 0)
                {
                    o.SigningKeys.Add(LoadOrCreateKey(Path.Combine(dataPath, "delivery-signing.key")));
                }
            })
            .Validate(o => o.SigningKeys.All(k => k.Length >= 32), "Delivery:SigningKeys entries must be at least 32 characters.")
            .RequireCapability<DeliveryOptions, IPresignedUrls>(o => o.PresignedDownloads, "Delivery:PresignedDownloads", PresignedUrlsFromS3)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MediaUrlSigner>();
        services.AddSingleton<DeliveryLookup>();
        services.AddSingleton<DeliveryStorage>();
        services.AddSingleton<MediaUrls>();
        services.AddOptions<VariantOptions>().BindConfiguration(VariantOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DecodedPreviews>();
        services.AddSingleton<FailedVariants>();
        services.AddSingleton<ImageVariantService>();

        services.AddScoped<MediaDeletion>();
        services.AddScoped<Application.Media.MediaIntake>();
        services.AddScoped<Api.Session.MediaDetailLoader>();
        services.AddScoped<ReleaseService>();
        services.AddScoped<ReleaseMediaService>();
        services.AddScoped<Api.Releases.Readiness.ReadinessService>();
        services.AddScoped<Api.Releases.Readiness.DuplicateRecordings>();
        services.AddScoped<Api.Releases.Readiness.ConformService>();
        services.AddScoped<ReleaseViewLoader>();
        services.AddSingleton<ReleaseViews>();

        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CatalogMediaService>();
        services.AddScoped<CatalogMediaLinks>();
        services.AddScoped<ProductService>();
        services.AddScoped<VariantService>();

        services.AddOptions<LibraryOptions>().BindConfiguration(LibraryOptions.Section)
            .RequireCapability<LibraryOptions, IPresignedUrls>(o => o.DirectToBucket, "Library:DirectToBucket", PresignedUrlsFromS3)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<LibraryMediaService>();
        services.AddScoped<LibraryDetailsService>();
        services.AddScoped<LibraryCompatibilityService>();
        services.AddSingleton<LibraryCompatibleList>();
        services.AddSingleton<LibraryViews>();
        services.AddSingleton<SqliteListStatements>();
        services.AddSingleton<LibraryListCache>();
        // Only ever opens a connection on PostgreSQL (the SQLite read stays in-process).
        services.AddSingleton(_ => new PostgresTenantCounters(MediaVaultPaths.ConnectionString(configuration)));
        services.AddSingleton(sp => new TenantCounterBatches(sp.GetRequiredService<PostgresTenantCounters>().ReadAsync));
        services.AddScoped<TenantChangeReader>();
        services.AddScoped<LibraryListAnswers>();

        services.AddOptions<TusOptions>().BindConfiguration(TusOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<TusUploadService>();
        services.AddSingleton<TusInstance>();
        services.AddSingleton<TusLocks>();
        services.AddSingleton<TusRunningHashes>();
        services.AddScoped<TusCompletion>();
        services.AddScoped<TusCore>();

        services.AddOptions<JobWorkerOptions>().BindConfiguration(JobWorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LinkCheckOptions>().BindConfiguration(LinkCheckOptions.Section);
        services.AddHttpClient(ValidateLinkJobHandler.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => ValidateLinkJobHandler.CreateGuardedHandler(sp.GetRequiredService<IOptions<LinkCheckOptions>>().Value));
        services.AddSingleton(sp => JobInstance.Create(
            sp.GetRequiredService<IOptions<JobWorkerOptions>>().Value.InstanceId, dataPath, sp.GetRequiredService<ILogger<JobInstance>>()));
        services.AddSingleton<JobSignal>();
        services.AddSingleton<RenditionWriter>();
        services.AddSingleton<WorkDirectories>();
        services.AddSingleton<IJobHandler, ProcessMediaJobHandler>();
        services.AddSingleton<IJobHandler, RenderPreviewsJobHandler>();
        services.AddSingleton<IJobHandler, AnalyzeMediaJobHandler>();
        services.AddSingleton<IJobHandler, ConformReleaseMediaJobHandler>();
        services.AddSingleton<IJobHandler, PromoteReleaseJobHandler>();
        services.AddSingleton<IJobHandler, DeleteBlobsJobHandler>();
        services.AddSingleton<IJobHandler, ValidateLinkJobHandler>();
        services.AddSingleton<IJobHandler, SweepOrphansJobHandler>();
        services.AddSingleton<IJobHandler, ExpirePendingJobHandler>();
        services.AddSingleton<IJobHandler, ConformMediaJobHandler>();
        services.AddOptions<HousekeepingOptions>().BindConfiguration(HousekeepingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (!new DatabaseOptions { Provider = MediaVaultPaths.DatabaseProvider(configuration) }.IsPostgres)
        {
            // Checkpoints of the SQLite log leave the commit path (SqlitePragmaInterceptor turns the automatic one off).
            // Registered before the workers, so it stops after them and its last checkpoint follows their last writes.
            services.AddSingleton(new SqliteWalCheckpointer(MediaVaultPaths.ConnectionString(configuration)));
            services.AddHostedService<WalCheckpointLoop>();
        }

        services.AddHostedService<JobWorker>();
        services.AddHostedService<HousekeepingScheduler>();
        return services;
    }

    private static string LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, key);
        try
        {
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException)
        {
            // Another process created it first: use theirs so URLs verify across both.
            File.Delete(temporary);
            return File.ReadAllText(path).Trim();
        }
    }
}
