namespace MediaVault.Server.Hosting;

/// <summary>Where the embedded default keeps its files: everything under <c>DataPath</c> (default <c>./data</c>).</summary>
public static class MediaVaultPaths
{
    public static string DataPath(IConfiguration configuration) =>
        Path.GetFullPath(configuration["DataPath"] is { Length: > 0 } path ? path : "./data");

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Default") is { Length: > 0 } configured
            ? configured
            : $"Data Source={Path.Combine(DataPath(configuration), "mediavault.db")};Default Timeout=60";

    public static string BlobRoot(IConfiguration configuration) =>
        configuration["Storage:FileSystem:RootPath"] is { Length: > 0 } root
            ? Path.GetFullPath(root)
            : Path.Combine(DataPath(configuration), "blobs");
}
