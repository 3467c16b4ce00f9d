namespace MediaVault.Server.Api.Library;

/// <summary>The library surface's error body: <c>{"success": false, "message": "…", "error": "code"}</c>.</summary>
public sealed record LibraryError(bool Success, string Message, string Error);
