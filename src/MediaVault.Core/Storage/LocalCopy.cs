namespace MediaVault.Core.Storage;

/// <summary>A local path for a stored object (see <see cref="LocalCopies"/>); a temporary download is deleted on dispose.</summary>
public sealed class LocalCopy : IAsyncDisposable
{
    private readonly bool _temporary;

    internal LocalCopy(string path, bool temporary)
    {
        Path = path;
        _temporary = temporary;
    }

    public string Path { get; }

    public ValueTask DisposeAsync()
    {
        if (_temporary)
        {
            File.Delete(Path);
        }

        return ValueTask.CompletedTask;
    }
}
