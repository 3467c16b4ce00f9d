using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.ScaleOut;

/// <summary>
/// The CORS test server with <c>Library:DirectToBucket</c>, whose bucket's CORS rules were set by the project's own
/// <c>storage cors</c> command (<see cref="BucketRules"/> is what it printed). Only on S3 (the scale-out run).
/// </summary>
public sealed class DirectToBucketBrowserFixture() : CorsServerFixture(["--Library:DirectToBucket=true"])
{
    public bool Runs => TestBackends.S3Url is not null;

    public string BucketRules { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        if (!Runs)
        {
            return;
        }

        await base.InitializeAsync();
        BucketRules = await RunCliAsync(["storage", "cors"]);
    }
}
