namespace MediaVault.Server.Api.Library;

/// <summary>Body of <c>GET /v2/media/tags</c>.</summary>
public sealed record LibraryTagList(bool Success, IReadOnlyList<LibraryTagCount> Data);

/// <summary>A tag and the number of media carrying it.</summary>
public sealed record LibraryTagCount(string Tag, int Count);
