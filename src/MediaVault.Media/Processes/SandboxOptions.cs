using System.ComponentModel.DataAnnotations;

namespace MediaVault.Media.Processes;

/// <summary>Section <c>Tools</c>: how the media tools are confined to the one file they read.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Tools";

    public ToolSandbox Sandbox { get; set; } = ToolSandbox.Bubblewrap;

    [Required]
    public string BubblewrapPath { get; set; } = "bwrap";

    /// <summary>Where each run's private folder is made; empty means the system's temporary folder.</summary>
    public string ScratchDirectory { get; set; } = "";

    internal string ScratchRoot =>
        ScratchDirectory.Length > 0 ? Path.GetFullPath(ScratchDirectory) : Path.Combine(Path.GetTempPath(), "mediavault-tools");
}
