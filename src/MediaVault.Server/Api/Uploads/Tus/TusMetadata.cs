using System.Text;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>Parses <c>Upload-Metadata</c>: comma-separated <c>key base64value</c> pairs (the value may be absent).</summary>
public static class TusMetadata
{
    /// <summary>The decoded pairs, or null when the header is malformed.</summary>
    public static Dictionary<string, string>? Parse(string? header)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(header))
        {
            return result;
        }

        foreach (var pair in header.Split(','))
        {
            var parts = pair.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 0 or > 2 || result.ContainsKey(parts[0]))
            {
                return null;
            }

            try
            {
                result[parts[0]] = parts.Length == 2 ? Encoding.UTF8.GetString(Convert.FromBase64String(parts[1])) : "";
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return result;
    }
}
