namespace MediaVault.Core.Media;

/// <summary>
/// Metadata keys written by the analysis job (<c>JobKinds.AnalyzeMedia</c>) beside the extractors' <see cref="MetadataKeys"/>.
/// Numbers unless said otherwise; a value that could not be measured (the true peak of digital silence) is left out.
/// </summary>
public static class AnalysisKeys
{
    /// <summary>When the analysis finished (UTC, a date-time string); absent while it has not run.</summary>
    public const string AnalyzedAt = "analyzedAt";

    /// <summary>Why the analysis could not be done (a sentence); absent when it worked.</summary>
    public const string AnalysisFailure = "analysisFailure";

    /// <summary>Integrated loudness in LUFS (EBU R128 / ITU-R BS.1770, ffmpeg's <c>ebur128</c>).</summary>
    public const string IntegratedLoudness = "integratedLoudness";

    /// <summary>Loudness range in LU.</summary>
    public const string LoudnessRange = "loudnessRange";

    /// <summary>True peak in dBTP (4× oversampled, ffmpeg's <c>ebur128=peak=true</c>).</summary>
    public const string TruePeak = "truePeak";

    /// <summary>Highest sample magnitude in dBFS.</summary>
    public const string SamplePeak = "samplePeak";

    /// <summary>Samples at digital full scale (magnitude ≥ 32767/32768), all channels counted.</summary>
    public const string ClippedSamples = "clippedSamples";

    /// <summary>Seconds before the first sample at or above −60 dBFS on any channel.</summary>
    public const string LeadingSilence = "leadingSilence";

    /// <summary>Seconds after the last sample at or above −60 dBFS on any channel.</summary>
    public const string TrailingSilence = "trailingSilence";

    /// <summary>WAV/AIFF only: true when the file has a valid format chunk and data chunk and nothing but audio after the data (a flag).</summary>
    public const string ChunksValid = "chunksValid";

    /// <summary>WAV only: the <c>fmt </c> chunk's format code (1 PCM, 3 IEEE float, 65534 WAVE_FORMAT_EXTENSIBLE).</summary>
    public const string WavFormat = "wavFormat";

    /// <summary>WAV/AIFF only, when <see cref="ChunksValid"/> is false: what is wrong (a sentence).</summary>
    public const string ChunkProblem = "chunkProblem";

    /// <summary>Images: <c>sRGB</c>, <c>CMYK</c>, <c>grey</c>, <c>Lab</c>, <c>scRGB</c>… (a string, libvips' interpretation).</summary>
    public const string ColorSpace = "colorSpace";

    /// <summary>Images: bits per pixel over all bands (24 for 8-bit RGB, 32 for RGBA or CMYK).</summary>
    public const string BitsPerPixel = "bitsPerPixel";

    /// <summary>Images: width divided by height.</summary>
    public const string AspectRatio = "aspectRatio";

    /// <summary>Images: true when an ICC profile is embedded (a flag).</summary>
    public const string HasIccProfile = "hasIccProfile";

    /// <summary>Images: true when the file carries an EXIF orientation tag, whatever its value (a flag).</summary>
    public const string HasOrientationTag = "hasOrientationTag";

    /// <summary>An object: profile → the rule ids its conformed rendition (<c>conformed-{profile}.*</c>) fixes. Kept off the wire.</summary>
    public const string ConformedFixes = "conformedFixes";
}
