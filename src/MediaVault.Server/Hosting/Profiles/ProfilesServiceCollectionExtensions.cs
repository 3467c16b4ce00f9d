using MediaVault.Core.Profiles;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Hosting.Profiles;

public static class ProfilesServiceCollectionExtensions
{
    /// <summary>The <see cref="ProfileSet"/>: built-in profiles plus those of <c>Profiles:Directory</c>.</summary>
    public static IServiceCollection AddProfiles(this IServiceCollection services)
    {
        services.AddOptions<ProfilesOptions>().BindConfiguration(ProfilesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProfilesOptions>, ProfilesOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var directory = sp.GetRequiredService<IOptions<ProfilesOptions>>().Value.Directory;
            var own = string.IsNullOrWhiteSpace(directory) ? [] : ProfileJson.LoadDirectory(directory);
            return new ProfileSet(ProfileJson.LoadBuiltIn(), own);
        });
        return services;
    }
}
