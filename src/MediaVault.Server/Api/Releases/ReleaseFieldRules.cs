using System.Globalization;
using System.Text.Json.Nodes;
using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Releases;

namespace MediaVault.Server.Api.Releases;

/// <summary>Validates and applies release and track fields; enum values are matched case-insensitively and stored in their canonical spelling.</summary>
public static class ReleaseFieldRules
{
    private static readonly string[] ExplicitValues = ["explicit", "clean"];

    public static Outcome<Done> Apply(Release release, ReleaseFields fields, bool creating)
    {
        var lengthCheck = TooLong(fields);
        if (lengthCheck.Failed)
        {
            return lengthCheck;
        }

        if (creating && string.IsNullOrWhiteSpace(fields.Title))
        {
            return Failure.BadRequest("title is required");
        }

        if (fields.Title is not null && string.IsNullOrWhiteSpace(fields.Title))
        {
            return Failure.BadRequest("title must not be empty");
        }

        var formatCheck = Canonical(fields.Format, ReleaseRules.Formats, "format", out var format);
        if (formatCheck.Failed)
        {
            return formatCheck;
        }

        var typeCheck = Canonical(fields.Type, ReleaseRules.Types, "type", out var type);
        if (typeCheck.Failed)
        {
            return typeCheck;
        }

        var explicitCheck = Canonical(fields.Explicit, ExplicitValues, "explicit", out var explicitValue);
        if (explicitCheck.Failed)
        {
            return explicitCheck;
        }

        var dateCheck = TextLimits.First(CheckDate(fields.ReleaseDate, "releaseDate"), CheckDate(fields.PreReleaseDate, "preReleaseDate"));
        if (dateCheck.Failed)
        {
            return dateCheck;
        }

        release.Title = fields.Title?.Trim() ?? release.Title;
        release.DisplayArtist = fields.DisplayArtist ?? release.DisplayArtist;
        release.Format = format ?? release.Format;
        release.Type = type ?? release.Type;
        release.Version = fields.Version ?? release.Version;
        release.Label = fields.Label ?? release.Label;
        release.Copyright = fields.Copyright ?? release.Copyright;
        release.Description = fields.Description ?? release.Description;
        release.Explicit = explicitValue ?? release.Explicit;
        release.ReleaseDate = fields.ReleaseDate ?? release.ReleaseDate;
        release.PreReleaseDate = fields.PreReleaseDate ?? release.PreReleaseDate;
        release.OwnerId = fields.OwnerId ?? release.OwnerId;
        return MergeAttributes(release.AttributesJson, fields.Artists, fields.MainGenre, fields.SubGenre, fields.Contributors, fields.Metadata,
            json => release.AttributesJson = json);
    }

    public static Outcome<Done> Apply(Track track, TrackFields fields)
    {
        var lengthCheck = TooLong(fields);
        if (lengthCheck.Failed)
        {
            return lengthCheck;
        }

        if (string.IsNullOrWhiteSpace(fields.Title))
        {
            return Failure.BadRequest("title is required");
        }

        if (fields.Duration is < 0)
        {
            return Failure.BadRequest("duration must not be negative");
        }

        var explicitCheck = Canonical(fields.Explicit, ExplicitValues, "explicit", out var explicitValue);
        if (explicitCheck.Failed)
        {
            return explicitCheck;
        }

        track.Title = fields.Title.Trim();
        track.Version = fields.Version;
        track.Isrc = fields.Isrc;
        track.Iswc = fields.Iswc;
        track.Duration = fields.Duration;
        track.Lyrics = fields.Lyrics;
        track.Language = fields.Language;
        track.DisplayArtist = fields.DisplayArtist;
        track.Explicit = explicitValue;
        return MergeAttributes(track.AttributesJson, fields.Artists, fields.MainGenre, fields.SubGenre, fields.Contributors, fields.Metadata,
            json => track.AttributesJson = json);
    }

    private static Outcome<Done> TooLong(ReleaseFields fields) => TextLimits.First(
        TextLimits.Check(fields.Title, "title", ReleaseFieldLimits.Title),
        TextLimits.Check(fields.DisplayArtist, "displayArtist", ReleaseFieldLimits.DisplayArtist),
        TextLimits.Check(fields.Format, "format", ReleaseFieldLimits.Enumerated),
        TextLimits.Check(fields.Type, "type", ReleaseFieldLimits.Enumerated),
        TextLimits.Check(fields.Version, "version", ReleaseFieldLimits.Version),
        TextLimits.Check(fields.Label, "label", ReleaseFieldLimits.Label),
        TextLimits.Check(fields.Copyright, "copyright", ReleaseFieldLimits.Copyright),
        TextLimits.Check(fields.Description, "description", ReleaseFieldLimits.Description),
        TextLimits.Check(fields.Explicit, "explicit", ReleaseFieldLimits.Enumerated),
        TextLimits.Check(fields.ReleaseDate, "releaseDate", ReleaseFieldLimits.Enumerated),
        TextLimits.Check(fields.PreReleaseDate, "preReleaseDate", ReleaseFieldLimits.Enumerated),
        TextLimits.Check(fields.OwnerId, "ownerId", ReleaseFieldLimits.OwnerId));

    private static Outcome<Done> TooLong(TrackFields fields) => TextLimits.First(
        TextLimits.Check(fields.Title, "title", ReleaseFieldLimits.Title),
        TextLimits.Check(fields.Version, "version", ReleaseFieldLimits.Version),
        TextLimits.Check(fields.Isrc, "isrc", ReleaseFieldLimits.Isrc),
        TextLimits.Check(fields.Iswc, "iswc", ReleaseFieldLimits.Iswc),
        TextLimits.Check(fields.Lyrics, "lyrics", ReleaseFieldLimits.Lyrics),
        TextLimits.Check(fields.Language, "language", ReleaseFieldLimits.Language),
        TextLimits.Check(fields.DisplayArtist, "displayArtist", ReleaseFieldLimits.DisplayArtist),
        TextLimits.Check(fields.Explicit, "explicit", ReleaseFieldLimits.Enumerated));

    private static Outcome<Done> MergeAttributes(string current, JsonNode? artists, JsonNode? mainGenre, JsonNode? subGenre, JsonNode? contributors, JsonNode? metadata, Action<string> store)
    {
        if (artists is not (null or JsonObject) || contributors is not (null or JsonObject) || metadata is not (null or JsonObject))
        {
            return Failure.BadRequest("artists, contributors and metadata must be objects");
        }

        if (mainGenre is not (null or JsonArray) || subGenre is not (null or JsonArray))
        {
            return Failure.BadRequest("mainGenre and subGenre must be arrays");
        }

        var attributes = MediaMetadata.Parse(current);
        Set(attributes, "artists", artists);
        Set(attributes, "mainGenre", mainGenre);
        Set(attributes, "subGenre", subGenre);
        Set(attributes, "contributors", contributors);
        Set(attributes, "metadata", metadata);
        store(MediaMetadata.Serialize(attributes));
        return Done.Value;
    }

    private static void Set(JsonObject attributes, string name, JsonNode? value)
    {
        if (value is not null)
        {
            attributes[name] = value.DeepClone();
        }
    }

    private static Outcome<Done> Canonical(string? value, IReadOnlyList<string> allowed, string field, out string? canonical)
    {
        canonical = null;
        if (value is null)
        {
            return Done.Value;
        }

        canonical = allowed.FirstOrDefault(a => a.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        return canonical is null ? Failure.BadRequest($"{field} must be one of: {string.Join(", ", allowed)}") : Done.Value;
    }

    private static Outcome<Done> CheckDate(string? value, string field) =>
        value is null || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? Done.Value
            : Failure.BadRequest($"{field} must be a date in the form YYYY-MM-DD");
}
