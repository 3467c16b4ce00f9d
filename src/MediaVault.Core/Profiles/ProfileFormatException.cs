namespace MediaVault.Core.Profiles;

/// <summary>A profile file that cannot be read; the message names the file and what is wrong.</summary>
public sealed class ProfileFormatException(string message, Exception? inner = null) : Exception(message, inner);
