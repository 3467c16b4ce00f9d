namespace MediaVault.Server.Hosting;

/// <summary>Where the embedded default keeps its files: everything under <c>DataPath</c> (default <c>./data</c>).</summary>
public static class MediaVaultPaths
{
    public static string DataPath(IConfiguration configuration) =>
        Path.GetFullPath(configuration["DataPath"] is { Length: > 0 } path ? path : "./data");

    /// <summary>Whether <c>Storage:Provider</c> selects the S3-compatible store (else the filesystem under <c>DataPath</c>).</summary>
    public static bool UsesS3(IConfiguration configuration) =>
        string.Equals(configuration["Storage:Provider"], "s3", StringComparison.OrdinalIgnoreCase);

    public static string DatabaseProvider(IConfiguration configuration) =>
        configuration["Database:Provider"] is { Length: > 0 } provider ? provider : Data.DatabaseOptions.Sqlite;

    /// <exception cref="InvalidOperationException">PostgreSQL is chosen without <c>ConnectionStrings:Default</c>.</exception>
    public static string ConnectionString(IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Default") is { Length: > 0 } configured)
        {
            return configured;
        }

        if (new Data.DatabaseOptions { Provider = DatabaseProvider(configuration) }.IsPostgres)
        {
            throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Default is not set (e.g. ConnectionStrings__Default=\"Host=…;Database=mediavault;Username=…;Password=…\").");
        }

        return $"Data Source={Path.Combine(DataPath(configuration), "mediavault.db")};Default Timeout=60";
    }

    public static string BlobRoot(IConfiguration configuration) =>
        configuration["Storage:FileSystem:RootPath"] is { Length: > 0 } root
            ? Path.GetFullPath(root)
            : Path.Combine(DataPath(configuration), "blobs");
}
