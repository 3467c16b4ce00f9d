using Microsoft.AspNetCore.Connections;
using MediaVault.Core.Media;
using MediaVault.Data;
using MediaVault.Server.Api.Catalog;
using MediaVault.Server.Api.Delivery;
using MediaVault.Server.Api.Library;
using MediaVault.Server.Api.Library.Compatibility;
using MediaVault.Server.Api.Uploads.Tus;
using MediaVault.Server.Api.Releases;
using MediaVault.Server.Api.Releases.Readiness;
using MediaVault.Server.Api.Session;
using MediaVault.Server.Hosting.Cors;
using Scalar.AspNetCore;

namespace MediaVault.Server.Hosting;

/// <summary>Builds the web application; production and the tests go through the same code.</summary>
public static class MediaVaultApplication
{
    public const string DefaultUrl = "http://127.0.0.1:8084";

    /// <param name="args">Command-line arguments (standard ASP.NET Core settings such as <c>--urls</c>).</param>
    /// <param name="configure">Extra configuration applied after the defaults (tests use it).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Per-file limits are enforced while streaming (Media:MaxFileBytes); the request itself is unbounded.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.WebHost.UseSockets(sockets => ListenSocketBuffers.Configure(sockets, builder.Configuration.GetValue(ListenSocketBuffers.ConfigKey, ListenSocketBuffers.DefaultBytes)));
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders().AddJsonConsole();
        }

        // After Kestrel's own registration, so this one wins: 64 KiB receive blocks (see LargeBlockMemoryPool).
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();
        builder.Services.AddMediaVaultServer(builder.Configuration);
        var app = builder.Build();
        app.UseMediaVaultPipeline();
        return app;
    }

    /// <summary>Applies migrations and, in Development on an empty database, creates the demo tenant.</summary>
    public static async Task InitializeAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        if (app.Environment.IsDevelopment())
        {
            await DevelopmentSeeder.SeedAsync(app.Services, MediaVaultPaths.DataPath(app.Configuration), cancellationToken);
        }
    }

    private static void UseMediaVaultPipeline(this WebApplication app)
    {
        // Remembered plain signed downloads, before everything else (see SignedFileMiddleware for why that is safe).
        app.UseMiddleware<SignedFileMiddleware>();
        app.UseExceptionHandler(errors => errors.Run(ErrorResponses.WriteUnhandledAsync));
        app.UseStatusCodePages(ErrorResponses.WriteStatusCodeAsync);
        app.UseMediaVaultCors();
        app.UseAuthenticationChallenge();
        FastFileSendFeature.UseFastFileSend(app);
        app.UseTusResumableHeader();
        app.UseWebPage();
        // HEAD becomes its GET before routing picks the endpoint; compression wraps the validators, so an ETag is of
        // the JSON itself, whichever encoding is sent.
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseApiCompression();
        app.UseApiValidators();
        app.UseAuthentication();
        app.MapOpenApi();
        // Scalar's script and styles ship in the package and are served from /docs; its default fonts and the
        // "open in client" button would fetch from scalar.com, so the page uses system fonts and hides the button.
        app.MapScalarApiReference("/docs", options => options.DisableDefaultFonts().DisableTelemetry().HideClientButton = true);
        app.MapHealthEndpoints();
        app.MapReleaseEndpoints();
        app.MapReleaseMediaEndpoints();
        app.MapReadinessEndpoints();
        app.MapCatalogDocumentationEndpoints();
        app.MapCatalogMediaEndpoints();
        app.MapProductEndpoints();
        app.MapVariantEndpoints();
        app.MapLibraryEndpoints();
        app.MapLibraryTagEndpoints();
        app.MapLibraryBulkEndpoints();
        app.MapLibraryCompatibilityEndpoints();
        app.MapTusEndpoints();
        app.MapDeliveryEndpoints();
        app.MapSessionEndpoints();
    }
}
