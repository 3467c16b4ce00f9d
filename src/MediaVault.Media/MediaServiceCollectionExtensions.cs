using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Pdf;
using MediaVault.Media.Processes;
using MediaVault.Media.Sniffing;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>Registers the content sniffer, the process runner and the metadata extractors.</summary>
    public static IServiceCollection AddMediaTools(this IServiceCollection services)
    {
        services.AddOptions<FfprobeOptions>().BindConfiguration(FfprobeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IContentSniffer, SignatureSniffer>();
        services.AddSingleton<ProcessRunner>();
        services.AddSingleton<IMetadataExtractor, FfprobeMetadataExtractor>();
        services.AddSingleton<IMetadataExtractor, PdfInfoMetadataExtractor>();
        return services;
    }
}
