namespace MediaVault.Media.Waveform;

/// <summary>
/// Accumulates 16-bit mono samples into fine min/max blocks as they stream in (memory grows with duration / block
/// size, not with the file), then reduces them to a fixed number of min/max pairs.
/// </summary>
public sealed class WaveformPeaks(int blockSize = 64)
{
    private readonly List<short> _blocks = [];
    private short _min = short.MaxValue;
    private short _max = short.MinValue;
    private int _inBlock;

    public long SampleCount { get; private set; }

    public void Add(ReadOnlySpan<short> samples)
    {
        foreach (var sample in samples)
        {
            if (sample < _min)
            {
                _min = sample;
            }

            if (sample > _max)
            {
                _max = sample;
            }

            if (++_inBlock == blockSize)
            {
                Flush();
            }
        }

        SampleCount += samples.Length;
    }

    /// <summary>At most <paramref name="points"/> min/max pairs (fewer for very short audio), interleaved min, max.</summary>
    public (short[] Data, int SamplesPerPoint) Reduce(int points)
    {
        Flush();
        var blockCount = _blocks.Count / 2;
        if (blockCount == 0)
        {
            return ([], blockSize);
        }

        var count = Math.Min(points, blockCount);
        var data = new short[count * 2];
        for (var i = 0; i < count; i++)
        {
            var from = (int)((long)i * blockCount / count);
            var to = (int)((long)(i + 1) * blockCount / count);
            short min = short.MaxValue, max = short.MinValue;
            for (var b = from; b < to; b++)
            {
                min = Math.Min(min, _blocks[b * 2]);
                max = Math.Max(max, _blocks[(b * 2) + 1]);
            }

            data[i * 2] = min;
            data[(i * 2) + 1] = max;
        }

        return (data, (int)Math.Max(1, SampleCount / count));
    }

    private void Flush()
    {
        if (_inBlock == 0)
        {
            return;
        }

        _blocks.Add(_min);
        _blocks.Add(_max);
        _min = short.MaxValue;
        _max = short.MinValue;
        _inBlock = 0;
    }
}
