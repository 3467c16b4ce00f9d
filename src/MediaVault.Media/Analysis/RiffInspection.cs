namespace MediaVault.Media.Analysis;

/// <summary>A WAV or AIFF file's chunk check: what is wrong (null when valid) and a WAV's format code (null for AIFF).</summary>
public sealed record RiffInspection(string? Problem, int? WaveFormat);
