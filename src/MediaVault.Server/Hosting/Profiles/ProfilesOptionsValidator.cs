using MediaVault.Core.Profiles;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Hosting.Profiles;

/// <summary>Fails start-up when <c>Profiles:Directory</c> is missing or holds a profile that cannot be read, naming the file.</summary>
public sealed class ProfilesOptionsValidator : IValidateOptions<ProfilesOptions>
{
    public ValidateOptionsResult Validate(string? name, ProfilesOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            ProfileJson.LoadDirectory(options.Directory);
            return ValidateOptionsResult.Success;
        }
        catch (ProfileFormatException ex)
        {
            return ValidateOptionsResult.Fail($"Profiles:Directory: {ex.Message}");
        }
    }
}
