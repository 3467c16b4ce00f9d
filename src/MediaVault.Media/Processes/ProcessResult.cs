namespace MediaVault.Media.Processes;

/// <summary>A finished process: its exit code, everything it printed on stdout, and the tail of stderr.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardErrorTail);
