using Microsoft.AspNetCore.Hosting.StaticWebAssets;

namespace MediaVault.Server.Api.Session;

/// <summary>Serves the web page in <c>wwwroot</c> at <c>/</c> (index.html as the default document).</summary>
public static class WebPageFiles
{
    private const string BuildManifest = "MediaVault.Server.staticwebassets.runtime.json";

    public static WebApplication UseWebPage(this WebApplication app)
    {
        // wwwroot is copied on publish only. A plain build (run.sh, the tests' in-process server) points at the
        // source folder through the build's static web assets manifest, which ASP.NET Core itself reads only in
        // Development and only under the entry assembly's name (the tests' entry assembly is the test host).
        var environment = app.Environment;
        var manifest = Path.Combine(AppContext.BaseDirectory, BuildManifest);
        if (!environment.WebRootFileProvider.GetFileInfo("index.html").Exists && File.Exists(manifest))
        {
            var settings = new ConfigurationBuilder().AddInMemoryCollection([new(WebHostDefaults.StaticWebAssetsKey, manifest)]).Build();
            StaticWebAssetsLoader.UseStaticWebAssets(environment, settings);
        }

        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                // Revalidate every time (ETag), so a new release of the page is picked up at once.
                file.Context.Response.Headers.CacheControl = "no-cache";
                file.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });
        return app;
    }
}
