using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Hosting;

/// <summary>
/// Brotli and gzip for JSON answers (plain, JSON-LD and problem documents), chosen by <c>Accept-Encoding</c>, on the
/// API paths only (<see cref="ApiPaths.AnswersJson"/>): media bytes, renditions and variants under <c>/files</c> — a
/// waveform is JSON too — and tus are never compressed. Level <c>Fastest</c> for both: on a 17 KB catalogue page,
/// Brotli's is 5 % larger than <c>Optimal</c> and gzip's 29 %, each in a third of the time (bench/RESULTS.md,
/// "API compression level").
/// HTTPS included: see the README on BREACH.
/// </summary>
public static class ApiCompression
{
    public static readonly string[] MimeTypes = ["application/json", "application/ld+json", "application/problem+json"];

    public static IServiceCollection AddApiCompression(this IServiceCollection services)
    {
        services.AddOptions<ApiCompressionOptions>().BindConfiguration(ApiCompressionOptions.Section);
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = MimeTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UseApiCompression(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<ApiCompressionOptions>>().Value.Enabled
            ? app.UseWhen(context => ApiPaths.AnswersJson(context.Request.Path), branch => branch.UseResponseCompression())
            : app;
}
