namespace MediaVault.Server.Api.Library;

/// <summary>Body of <c>POST /v2/media/bulk</c>'s 200: every id is in exactly one of the lists.</summary>
public sealed record LibraryBulkAnswer(bool Success, LibraryBulkResult Data);

public sealed record LibraryBulkResult(IReadOnlyList<string> Succeeded, IReadOnlyList<LibraryBulkFailure> Failed);

/// <summary>Why one id failed: <c>error</c> is the code one media's request would answer (<c>not_found</c>, <c>validation_error</c>…).</summary>
public sealed record LibraryBulkFailure(string Id, string Error, string Message);
