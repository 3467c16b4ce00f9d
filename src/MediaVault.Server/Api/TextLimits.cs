using MediaVault.Core;

namespace MediaVault.Server.Api;

/// <summary>Checks text fields of JSON bodies against their documented maximum lengths (in UTF-16 characters, as the columns count).</summary>
public static class TextLimits
{
    /// <summary>A 400 naming <paramref name="field"/> and its maximum when <paramref name="value"/> is longer.</summary>
    public static Outcome<Done> Check(string? value, string field, int max) =>
        value is not null && value.Length > max ? Failure.BadRequest(Message(field, max)) : Done.Value;

    /// <summary>The first failed of several checks, or <see cref="Done"/> when all pass.</summary>
    public static Outcome<Done> First(params ReadOnlySpan<Outcome<Done>> checks)
    {
        foreach (var check in checks)
        {
            if (check.Failed)
            {
                return check;
            }
        }

        return Done.Value;
    }

    public static string Message(string field, int max) => $"{field} must be at most {max} characters";
}
