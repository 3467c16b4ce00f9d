using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Media.Analysis;
using MediaVault.Media.Ffmpeg;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Pdf;
using MediaVault.Media.Processes;
using MediaVault.Media.Sniffing;
using MediaVault.Media.Vips;
using MediaVault.Media.Waveform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaVault.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>Registers the content sniffer, the process runner, the metadata extractors and the rendition generators.</summary>
    public static IServiceCollection AddMediaTools(this IServiceCollection services)
    {
        services.AddOptions<FfprobeOptions>().BindConfiguration(FfprobeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IContentSniffer, SignatureSniffer>();
        services.AddSingleton<IContentProbe, FfprobeContentProbe>();
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        services.AddSingleton<ProcessRunner>();
        services.AddSingleton<IMetadataExtractor, FfprobeMetadataExtractor>();
        services.AddSingleton<IMetadataExtractor, VideoStructureExtractor>();
        services.AddSingleton<IMetadataExtractor, PdfInfoMetadataExtractor>();
        services.AddOptions<FfmpegOptions>().BindConfiguration(FfmpegOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProcessingOptions>().BindConfiguration(ProcessingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FfmpegRunner>();
        services.AddSingleton<FfmpegImageDecoder>();
        services.AddSingleton<SvgRasterizer>();
        services.AddSingleton<VideoConformer>();
        services.AddSingleton<ImageConformer>();
        services.AddSingleton<VipsThumbnailer>();
        services.AddSingleton<IMetadataExtractor, VipsImageMetadataExtractor>();
        services.AddSingleton<IRenditionGenerator, ImageThumbnailGenerator>();
        services.AddSingleton<IDeferredRenditionGenerator, ImagePreviewGenerator>();
        services.AddOptions<AnimatedPreviewOptions>().BindConfiguration(AnimatedPreviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDeferredRenditionGenerator, AnimatedPreviewGenerator>();
        services.AddSingleton<IRenditionGenerator, PosterFrameGenerator>();
        services.AddSingleton<IRenditionGenerator, CoverArtGenerator>();
        services.AddSingleton<IRenditionGenerator, WaveformGenerator>();
        services.AddSingleton<IRenditionGenerator, PdfPreviewGenerator>();
        services.AddSingleton<IMediaAnalyzer, LoudnessAnalyzer>();
        services.AddSingleton<IMediaAnalyzer, ChunkAnalyzer>();
        services.AddSingleton<IMediaAnalyzer, VipsImageAnalyzer>();
        services.AddSingleton<IAudioFingerprinter, ChromaprintFingerprinter>();
        services.AddSingleton<IReleaseConformer, AudioConformer>();
        services.AddSingleton<IReleaseConformer, CoverArtConformer>();
        return services;
    }
}
