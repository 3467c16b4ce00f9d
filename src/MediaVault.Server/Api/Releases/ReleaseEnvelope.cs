using System.Text.Json.Serialization;

namespace MediaVault.Server.Api.Releases;

/// <summary>The release surface's success body: <c>{"success": true, "data": …, "message": …}</c>.</summary>
public sealed record ReleaseEnvelope<T>(
    [property: JsonPropertyOrder(0)] bool Success,
    [property: JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] T? Data,
    [property: JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message);

public static class ReleaseEnvelope
{
    public static ReleaseEnvelope<T> Ok<T>(T data, string? message = null) => new(true, data, message);

    public static ReleaseEnvelope<object> Message(string message) => new(true, null, message);
}

/// <summary><c>data</c> of <c>GET /releases</c>.</summary>
public sealed record ReleasePage(IReadOnlyList<ReleaseView> Releases, Pagination Pagination);

public sealed record Pagination(int Page, int Limit, int Total, int TotalPages);

/// <summary><c>data</c> of <c>POST /releases/{id}/revert-status</c>.</summary>
public sealed record RevertResult(Guid Id, string Status, string PreviousStatus, string Reason);
