using Microsoft.Extensions.Options;

namespace MediaVault.Server.Hosting;

public static class CapabilityValidation
{
    /// <summary>
    /// Fails start-up when <paramref name="isOn"/> holds but the storage registration did not provide
    /// <typeparamref name="TCapability"/>; the message names the setting and the capability.
    /// </summary>
    public static OptionsBuilder<TOptions> RequireCapability<TOptions, TCapability>(
        this OptionsBuilder<TOptions> builder, Func<TOptions, bool> isOn, string setting, string description)
        where TOptions : class
        where TCapability : class =>
        builder.Validate<IServiceProvider>(
            (options, services) => !isOn(options) || services.GetService<TCapability>() is not null,
            $"{setting} needs a store with the {typeof(TCapability).Name} capability ({description}), which the store chosen by Storage:Provider does not provide. Turn {setting} off or choose a store that has it.");
}
