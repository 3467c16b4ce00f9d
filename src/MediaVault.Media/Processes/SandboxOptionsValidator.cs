using Microsoft.Extensions.Options;

namespace MediaVault.Media.Processes;

/// <summary>With <see cref="ToolSandbox.Bubblewrap"/> the bwrap binary must exist, so a host without it fails at start.</summary>
public sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        if (options.Sandbox == ToolSandbox.Bubblewrap && BubblewrapCommand.Resolve(options.BubblewrapPath) is null)
        {
            return ValidateOptionsResult.Fail(
                $"Tools:Sandbox is Bubblewrap but Tools:BubblewrapPath '{options.BubblewrapPath}' was not found; "
                + "install bubblewrap (scripts/prereqs.sh does) or set Tools:Sandbox to None.");
        }

        return ValidateOptionsResult.Success;
    }
}
