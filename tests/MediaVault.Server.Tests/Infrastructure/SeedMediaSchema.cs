using System.Globalization;
using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>
/// The release surface's Media schema as the seeds type it (shared/seeds/release-media-list.txt, components.schemas.Media;
/// release-media-upload.txt for the upload answer's items), checked strictly: a field the seed names must have the seed's
/// JSON type, and only a field the seed marks nullable may be null. Fields the seed does not name are allowed
/// (<c>additionalProperties: true</c>).
/// </summary>
public static class SeedMediaSchema
{
    private enum Kind { String, DateTime, Number, Integer, Boolean, Object }

    private static readonly Dictionary<string, (Kind Kind, bool Nullable)> Media = new()
    {
        ["cloudId"] = (Kind.String, false),
        ["cloudUrl"] = (Kind.String, false),
        ["type"] = (Kind.String, false),
        ["name"] = (Kind.String, false),
        ["isLink"] = (Kind.Boolean, false),
        ["releasePath"] = (Kind.String, true),
        ["metadata"] = (Kind.Object, false),
    };

    private static readonly Dictionary<string, Kind> Metadata = new()
    {
        ["duration"] = Kind.Number,
        ["bitrate"] = Kind.String,
        ["sampleRate"] = Kind.String,
        ["channels"] = Kind.String,
        ["codec"] = Kind.String,
        ["fileSize"] = Kind.Number,
        ["mimeType"] = Kind.String,
        ["processedAt"] = Kind.DateTime,
        ["linkValidated"] = Kind.Boolean,
        ["uploadedAt"] = Kind.DateTime,
        ["mediaType"] = Kind.String,
    };

    private static readonly string[] Types = ["audio", "video", "image", "document"];

    /// <summary>Asserts one Media object; <paramref name="uploadAnswer"/> applies the upload seed (releasePath a string, fileSize an integer).</summary>
    public static void AssertValid(JsonElement media, bool uploadAnswer = false)
    {
        Assert.Equal(JsonValueKind.Object, media.ValueKind);
        foreach (var (name, (kind, nullable)) in Media)
        {
            if (media.TryGetProperty(name, out var value))
            {
                AssertKind(value, kind, nullable && !uploadAnswer, name);
            }
        }

        Assert.Contains(media.GetProperty("type").GetString(), Types);
        foreach (var (name, kind) in Metadata)
        {
            if (media.GetProperty("metadata").TryGetProperty(name, out var value))
            {
                AssertKind(value, uploadAnswer && name == "fileSize" ? Kind.Integer : kind, nullable: false, "metadata." + name);
            }
        }
    }

    private static void AssertKind(JsonElement value, Kind kind, bool nullable, string name)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            Assert.True(nullable, $"{name} is null but the seed types it as {kind}, not nullable");
            return;
        }

        var ok = kind switch
        {
            Kind.String => value.ValueKind == JsonValueKind.String,
            Kind.DateTime => value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
            Kind.Number => value.ValueKind == JsonValueKind.Number,
            Kind.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            Kind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            Kind.Object => value.ValueKind == JsonValueKind.Object,
            _ => false,
        };
        Assert.True(ok, $"{name} is {value.ValueKind} ({value.GetRawText()}) but the seed types it as {kind}");
    }
}
