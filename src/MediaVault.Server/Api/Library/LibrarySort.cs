namespace MediaVault.Server.Api.Library;

/// <summary>The list's <c>sort</c>: a field, ascending or (with a leading <c>-</c>) descending; ties broken by id in the same direction.</summary>
public readonly record struct LibrarySort(LibrarySortField Field, bool Descending)
{
    public static readonly LibrarySort Default = new(LibrarySortField.CreatedAt, Descending: true);

    public const string Allowed = "createdAt, -createdAt, name, -name, size, -size, duration, -duration";

    /// <summary>The wire name, e.g. <c>-createdAt</c>: also what a cursor records.</summary>
    public string Name => (Descending ? "-" : "") + Field switch
    {
        LibrarySortField.CreatedAt => "createdAt",
        LibrarySortField.Name => "name",
        LibrarySortField.Size => "size",
        LibrarySortField.Duration => "duration",
    };

    public static bool TryParse(string? value, out LibrarySort sort)
    {
        sort = Default;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        var descending = value.StartsWith('-');
        LibrarySortField? field = (descending ? value[1..] : value) switch
        {
            "createdAt" => LibrarySortField.CreatedAt,
            "name" => LibrarySortField.Name,
            "size" => LibrarySortField.Size,
            "duration" => LibrarySortField.Duration,
            _ => null,
        };
        if (field is not { } known)
        {
            return false;
        }

        sort = new LibrarySort(known, descending);
        return true;
    }
}
