using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MediaVault.Server.Api.Releases.Readiness;

/// <summary>
/// One thing a store would refuse (<c>error</c>) or question (<c>warning</c>) about a release's media. <c>measured</c>
/// is the measured value (number, text or flag; null when it was not measured), <c>expected</c> what the rule asks for.
/// <c>mediaId</c> and <c>trackId</c> are left out where they do not apply (cover art is on no track).
/// </summary>
public sealed record ReadinessProblem(
    string Rule,
    string Severity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MediaId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? TrackId,
    string Message,
    string Remediation,
    JsonNode? Measured,
    string? Expected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DuplicateRecording? DuplicateOf = null)
{
    public const string Error = "error";
    public const string Warning = "warning";

    [JsonIgnore]
    public bool IsError => Severity == Error;
}
