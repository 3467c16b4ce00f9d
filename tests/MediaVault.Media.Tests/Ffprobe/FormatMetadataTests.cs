using MediaVault.Media.Ffprobe;
using MediaVault.Media.Processes;
using MediaVault.Tests.Formats;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Tests.Ffprobe;

/// <summary>Metadata of every format sample through the pinned demuxer, against ffprobe's own reading of the file.</summary>
public sealed class FormatMetadataTests : IDisposable
{
    private readonly FfprobeMetadataExtractor _extractor = new(new ProcessRunner(), Options.Create(new FfprobeOptions()));
    private readonly string _work = Directory.CreateTempSubdirectory("mediavault-format-metadata-").FullName;

    public static TheoryData<string> SampleNames() => new(FormatCorpus.Samples.Select(s => s.Name));

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Each_format_gives_duration_sample_rate_channels_codec_and_bit_depth(string name)
    {
        var sample = (await FormatCorpus.AllAsync()).Single(s => s.Name == name);
        var path = Path.Combine(_work, Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(path, sample.Bytes);

        var metadata = await _extractor.ExtractAsync(path, sample.MimeType, CancellationToken.None);

        Assert.InRange(metadata["duration"]!.GetValue<double>(), sample.ProbedDuration - 0.05, sample.ProbedDuration + 0.05);
        Assert.Equal(sample.SampleRate, metadata["sampleRate"]?.GetValue<string>());
        Assert.Equal(sample.Channels, metadata["channels"]?.GetValue<string>());
        Assert.Equal(sample.Codec, metadata["codec"]?.GetValue<string>());
        Assert.Equal(sample.BitDepth, metadata["bitDepth"]?.GetValue<string>());
    }
}
