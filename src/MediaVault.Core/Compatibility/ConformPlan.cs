using MediaVault.Core.Profiles;

namespace MediaVault.Core.Compatibility;

/// <summary>
/// How a media is made to fit a profile: the frame (<see cref="Width"/> × <see cref="Height"/>, even numbers), the
/// source rectangle kept when cropping (<see cref="CropWidth"/> × <see cref="CropHeight"/>, centred) or the content
/// size inside the frame when padding (<see cref="ContentWidth"/> × <see cref="ContentHeight"/>, centred on black for
/// video, white for images), and for video the frame rate, deinterlacing, trim and the bit-rate and size budgets.
/// </summary>
public sealed record ConformPlan(
    string Kind,
    int Width,
    int Height,
    int ContentWidth,
    int ContentHeight,
    int? CropWidth,
    int? CropHeight,
    double? FrameRate,
    bool Deinterlace,
    double? TrimSeconds,
    int MaxVideoKbps,
    int AudioKbps,
    int AudioChannels,
    bool HasAudio,
    double? MaxMegabytes)
{
    /// <summary>The video bit rate used when the profile sets no lower limit.</summary>
    public const int DefaultMaxVideoKbps = 12000;

    public const int DefaultAudioKbps = 128;

    /// <summary>
    /// The plan for <paramref name="facts"/> of a media of <paramref name="kind"/> (<c>image</c> or <c>video</c>), or
    /// the sentence saying why no rendition can satisfy the profile (too short; too long without <paramref name="trim"/>;
    /// dimensions unknown).
    /// </summary>
    public static Outcome<ConformPlan> Make(MediaProfile profile, string kind, MediaFacts facts, bool crop, bool trim)
    {
        if (!Number(facts, "width", out var width) || !Number(facts, "height", out var height) || width < 1 || height < 1)
        {
            return new Failure(FailureKind.Unprocessable, "The media's dimensions are not known, so it cannot be conformed");
        }

        double? trimTo = null;
        var durationLimits = FactLimits.Of(profile, kind, "durationSeconds");
        if (kind == "video" && Number(facts, "durationSeconds", out var duration))
        {
            if (Errors(profile, kind, "durationSeconds") is { } allowed && allowed.Min is { } shortest && duration < shortest)
            {
                return new Failure(FailureKind.Unprocessable, $"The video lasts {duration:0.##} s; {profile.Title} needs at least {shortest:0.##} s, which only a longer edit can give");
            }

            if (Errors(profile, kind, "durationSeconds") is { Max: { } longest } && duration > longest)
            {
                if (!trim)
                {
                    return new Failure(FailureKind.Unprocessable, $"The video lasts {duration:0.##} s; {profile.Title} allows at most {longest:0.##} s. Ask again with \"trim\": true to keep the first {longest:0.##} s");
                }

                trimTo = longest;
            }
            else if (trim && durationLimits.Max is { } recommended && duration > recommended)
            {
                trimTo = recommended;
            }
        }

        var aspect = FactLimits.Of(profile, kind, "aspectRatio");
        var sourceAspect = width / height;
        var target = aspect.Clamp(sourceAspect);
        if (Math.Abs(target - sourceAspect) > 0.005 && aspect is { Min: { } low, Max: { } high } && high - low < 0.05)
        {
            // A narrow range is a shape (9:16 as 0.56–0.565): aim at its middle, not at the edge nearest the source.
            target = (low + high) / 2;
        }

        int? cropWidth = null, cropHeight = null;
        double frameWidth = width, frameHeight = height;
        if (Math.Abs(target - sourceAspect) > 0.005)
        {
            if (crop)
            {
                (frameWidth, frameHeight) = target < sourceAspect ? (height * target, height) : (width, width / target);
                (cropWidth, cropHeight) = (Even(frameWidth), Even(frameHeight));
            }
            else
            {
                (frameWidth, frameHeight) = target < sourceAspect ? (width, width / target) : (height * target, height);
            }
        }

        var scale = Scale(profile, kind, frameWidth, frameHeight);
        var outWidth = Even(frameWidth * scale);
        var outHeight = Even(frameHeight * scale);
        var contentWidth = cropWidth is null ? Math.Min(outWidth, Even(width * scale)) : outWidth;
        var contentHeight = cropHeight is null ? Math.Min(outHeight, Even(height * scale)) : outHeight;

        double? frameRate = null;
        if (kind == "video" && Number(facts, "frameRate", out var fps))
        {
            var clamped = FactLimits.Of(profile, kind, "frameRate").Clamp(fps);
            frameRate = Math.Abs(clamped - fps) > 0.01 ? clamped : null;
        }

        var interlaced = facts.TryGet("scanType", out var scan) && scan.Matches(FactValue.Of("interlaced"));
        var hasAudio = facts.TryGet("hasAudio", out var audio) && audio.Flag;
        var channels = Number(facts, "channels", out var sourceChannels) ? (int)Math.Clamp(sourceChannels, 1, 2) : 2;
        var audioKbps = (int)Math.Min(DefaultAudioKbps, FactLimits.Of(profile, kind, "audioBitrate").Max ?? DefaultAudioKbps);
        var maxMegabytes = FactLimits.Of(profile, kind, "fileSizeMegabytes").Max;
        var videoKbps = VideoBudget(profile, kind, facts, trimTo, maxMegabytes, hasAudio ? audioKbps : 0);
        return new ConformPlan(kind, outWidth, outHeight, contentWidth, contentHeight, cropWidth, cropHeight, frameRate, interlaced, trimTo, videoKbps, audioKbps, channels, hasAudio, maxMegabytes);
    }

    /// <summary>Down to the width, height and pixel-count limits, up to the minimum width and height.</summary>
    private static double Scale(MediaProfile profile, string kind, double width, double height)
    {
        var widths = FactLimits.Of(profile, kind, "width");
        var heights = FactLimits.Of(profile, kind, "height");
        var pixels = FactLimits.Of(profile, kind, "pixelCount");
        var scale = Math.Min(1, Math.Min((widths.Max ?? double.PositiveInfinity) / width, (heights.Max ?? double.PositiveInfinity) / height));
        if (pixels.Max is { } most)
        {
            scale = Math.Min(scale, Math.Sqrt(most / (width * height)));
        }

        var up = Math.Max((widths.Min ?? 0) / width, (heights.Min ?? 0) / height);
        return Math.Max(scale, up);
    }

    private static int VideoBudget(MediaProfile profile, string kind, MediaFacts facts, double? trimTo, double? maxMegabytes, int audioKbps)
    {
        var budget = (double)DefaultMaxVideoKbps;
        budget = Math.Min(budget, FactLimits.Of(profile, kind, "videoBitrate").Max ?? budget);
        if (FactLimits.Of(profile, kind, "bitrate").Max is { } overall)
        {
            budget = Math.Min(budget, overall - audioKbps);
        }

        if (maxMegabytes is { } megabytes && (trimTo ?? (Number(facts, "durationSeconds", out var d) ? d : (double?)null)) is { } seconds && seconds > 0)
        {
            // 90 % of the size budget, leaving room for the container and the rate control's overshoot.
            budget = Math.Min(budget, (megabytes * 8000 * 0.9 / seconds) - audioKbps);
        }

        return (int)Math.Max(200, budget);
    }

    private static FactLimits? Errors(MediaProfile profile, string kind, string fact)
    {
        var rules = profile.Rules.Where(r => r.Severity == RuleSeverity.Error && r.Check.Fact == fact && r.When.Count == 0 && r.AppliesTo.Contains(kind, StringComparer.OrdinalIgnoreCase)).ToList();
        return rules.Count == 0 ? null : new FactLimits(rules.Select(r => r.Check.Min).Max(), rules.Select(r => r.Check.Max).Where(v => v is not null).DefaultIfEmpty(null).Min());
    }

    private static bool Number(MediaFacts facts, string name, out double value)
    {
        value = facts.TryGet(name, out var fact) && fact.Kind == FactKind.Number ? fact.Number : double.NaN;
        return !double.IsNaN(value);
    }

    private static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2) * 2);
}
