namespace MediaVault.Media.Processes;

/// <summary>How a tool that reads an untrusted original is confined (<see cref="SandboxOptions.Sandbox"/>).</summary>
public enum ToolSandbox
{
    /// <summary>
    /// Each run in its own bubblewrap mount namespace: only the system's programs and libraries, the one input file
    /// (read-only) and a fresh output folder; no network, no other process, nothing else of the host's files.
    /// </summary>
    Bubblewrap,

    /// <summary>
    /// No namespace: each run in a fresh folder holding only a copy of the input, as its working directory. The tools'
    /// own confinement (pinned demuxer, file protocol only) is all that keeps them to that file.
    /// </summary>
    None,
}
