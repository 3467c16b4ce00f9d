using Microsoft.Extensions.Options;

namespace MediaVault.Server.Hosting.Cors;

/// <summary>Wires <see cref="CorsOptions"/> (validated at start) and <see cref="CorsMiddleware"/>.</summary>
public static class CorsSetup
{
    public static IServiceCollection AddMediaVaultCors(this IServiceCollection services)
    {
        services.AddOptions<CorsOptions>().BindConfiguration(CorsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<CorsOptions>, CorsOptionsValidator>();
        services.AddSingleton<TenantOrigins>();
        return services;
    }

    /// <summary>Early in the pipeline: preflights are answered before authentication, the web page and the tus header.</summary>
    public static IApplicationBuilder UseMediaVaultCors(this IApplicationBuilder app) => app.UseMiddleware<CorsMiddleware>();
}
