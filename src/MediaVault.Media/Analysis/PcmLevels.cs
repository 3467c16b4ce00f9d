namespace MediaVault.Media.Analysis;

/// <summary>
/// Sample peak, full-scale (clipped) samples, and leading and trailing silence of interleaved 32-bit float PCM, fed in
/// blocks while ffmpeg decodes. Silence is what ffmpeg's <c>silencedetect</c> calls silence: every channel's magnitude
/// below the threshold (−60 dBFS by default), so the figures agree with it to the sample.
/// </summary>
public sealed class PcmLevels(int channels, int sampleRate, double silenceThresholdDb = -60)
{
    /// <summary>The magnitude from which a sample counts as clipped: the largest 16-bit value, 32767/32768.</summary>
    public const float FullScale = 32767f / 32768f;

    private readonly float _silence = (float)Math.Pow(10, silenceThresholdDb / 20);
    private long _frames;
    private long _firstLoudFrame = -1;
    private long _lastLoudFrame = -1;
    private int _channel;
    private bool _frameLoud;
    private float _peak;

    public long ClippedSamples { get; private set; }

    public double DurationSeconds => (double)_frames / sampleRate;

    /// <summary>Highest magnitude in dBFS; null for digital silence.</summary>
    public double? SamplePeakDb => _peak > 0 ? 20 * Math.Log10(_peak) : null;

    /// <summary>Seconds before the first loud frame (the whole length when none is).</summary>
    public double LeadingSilence => (_firstLoudFrame < 0 ? _frames : _firstLoudFrame) / (double)sampleRate;

    /// <summary>Seconds after the last loud frame (the whole length when none is).</summary>
    public double TrailingSilence => (_lastLoudFrame < 0 ? _frames : _frames - _lastLoudFrame - 1) / (double)sampleRate;

    public void Add(ReadOnlySpan<float> samples)
    {
        foreach (var sample in samples)
        {
            var magnitude = Math.Abs(sample);
            if (magnitude > _peak)
            {
                _peak = magnitude;
            }

            if (magnitude >= FullScale)
            {
                ClippedSamples++;
            }

            _frameLoud |= magnitude >= _silence;
            if (++_channel < channels)
            {
                continue;
            }

            if (_frameLoud)
            {
                if (_firstLoudFrame < 0)
                {
                    _firstLoudFrame = _frames;
                }

                _lastLoudFrame = _frames;
            }

            _frames++;
            _channel = 0;
            _frameLoud = false;
        }
    }
}
