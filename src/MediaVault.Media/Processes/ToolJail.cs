namespace MediaVault.Media.Processes;

/// <summary>
/// One tool run's private folder: the tool's working directory, where it finds its input as <see cref="InputName"/> and
/// writes its outputs under <see cref="OutputFolderName"/>. Under bubblewrap the host folder holds only the output
/// folder (the original is bound read-only into the namespace); without it, a copy of the original sits beside it.
/// Disposing deletes the folder and whatever the tool left in it.
/// </summary>
public sealed class ToolJail : IDisposable
{
    /// <summary>The input's name as the tool sees it (relative to its working directory).</summary>
    public const string InputName = "input";

    public const string OutputFolderName = "out";

    internal ToolJail(string root, string inputSource)
    {
        Root = root;
        InputSource = inputSource;
    }

    /// <summary>The host folder that is the tool's working directory (or is mounted as it).</summary>
    public string Root { get; }

    /// <summary>The host file the tool reads as <see cref="InputName"/>.</summary>
    public string InputSource { get; }

    /// <summary>The host folder where the tool's outputs appear.</summary>
    public string OutputDirectory => Path.Combine(Root, OutputFolderName);

    /// <summary>An output's name as the tool sees it.</summary>
    public static string Output(string fileName) => OutputFolderName + "/" + fileName;

    /// <summary>Where an output the tool wrote appears on the host.</summary>
    public string HostOutput(string fileName) => Path.Combine(OutputDirectory, fileName);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
