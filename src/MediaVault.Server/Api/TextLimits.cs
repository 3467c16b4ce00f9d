using MediaVault.Core;

namespace MediaVault.Server.Api;

/// <summary>Checks text fields of JSON bodies against their documented maximum lengths (in UTF-16 characters, as the columns count).</summary>
public static class TextLimits
{
    /// <summary>A 400 naming <paramref name="field"/> and its maximum when <paramref name="value"/> is longer; null otherwise.</summary>
    public static Failure? Check(string? value, string field, int max) =>
        value is not null && value.Length > max ? Failure.BadRequest(Message(field, max)) : null;

    /// <summary>The first failure of several checks, or null when all pass.</summary>
    public static Failure? First(params ReadOnlySpan<Failure?> checks)
    {
        foreach (var check in checks)
        {
            if (check is not null)
            {
                return check;
            }
        }

        return null;
    }

    public static string Message(string field, int max) => $"{field} must be at most {max} characters";
}
