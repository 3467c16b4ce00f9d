using System.ComponentModel.DataAnnotations;

namespace MediaVault.Storage.FileSystem;

/// <summary>Filesystem blob store settings (section <c>Storage:FileSystem</c>).</summary>
public sealed class FileSystemStorageOptions
{
    public const string Section = "Storage:FileSystem";

    /// <summary>Folder that holds the <c>temporary</c> and <c>permanent</c> areas. Relative paths are resolved against the working directory.</summary>
    [Required]
    public string RootPath { get; set; } = "";
}
