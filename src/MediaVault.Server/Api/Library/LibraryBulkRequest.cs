namespace MediaVault.Server.Api.Library;

/// <summary>Body of <c>POST /v2/media/bulk</c>: <c>action</c> is delete, archive, unarchive, tag or untag; <c>tags</c> only for tag and untag.</summary>
public sealed record LibraryBulkRequest(string? Action, List<string?>? Ids, List<string?>? Tags);
