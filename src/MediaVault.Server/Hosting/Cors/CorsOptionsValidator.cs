using Microsoft.Extensions.Options;

namespace MediaVault.Server.Hosting.Cors;

/// <summary>Fails start-up on an entry of <c>Cors:AllowedOrigins</c> that is not an origin, naming it.</summary>
public sealed class CorsOptionsValidator : IValidateOptions<CorsOptions>
{
    public ValidateOptionsResult Validate(string? name, CorsOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedOrigins.Count; i++)
        {
            var entry = options.AllowedOrigins[i];
            if (entry != CorsOrigins.Any && CorsOrigins.Normalize(entry, out var problem) is null)
            {
                failures.Add($"Cors:AllowedOrigins:{i} '{entry}' {problem}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
