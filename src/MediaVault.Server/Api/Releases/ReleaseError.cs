namespace MediaVault.Server.Api.Releases;

/// <summary>The release surface's error body: <c>{"status": "error", "message": "…"}</c>.</summary>
public sealed record ReleaseError(string Status, string Message)
{
    public static ReleaseError Of(string message) => new("error", message);
}
