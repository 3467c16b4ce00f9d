using System.Text.Json.Serialization;
using MediaVault.Server.Api.Releases.Readiness;

namespace MediaVault.Server.Api.Releases;

/// <summary>
/// The release surface's error body: <c>{"status": "error", "message": "…"}</c>; a submission refused by the tenant's
/// required delivery profile also lists the <c>problems</c> left.
/// </summary>
public sealed record ReleaseError(
    string Status,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReadinessProblem>? Problems = null)
{
    public static ReleaseError Of(string message) => new("error", message);
}
