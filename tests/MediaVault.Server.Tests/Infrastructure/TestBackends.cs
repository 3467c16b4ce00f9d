namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>
/// Which database and blob store the HTTP tests run on. By default SQLite and the filesystem; test.sh runs the suite a
/// second time with MEDIAVAULT_TEST_PG (an Npgsql connection string without a database) and MEDIAVAULT_TEST_S3_URL /
/// MEDIAVAULT_TEST_S3_BUCKET with its keys (an S3-compatible server: scripts/ceph-test-cluster.sh) set. Every server gets its own database and key prefix.
/// </summary>
public static class TestBackends
{
    public static string? Postgres => Environment.GetEnvironmentVariable("MEDIAVAULT_TEST_PG") is { Length: > 0 } pg ? pg : null;

    public static string? S3Url => Environment.GetEnvironmentVariable("MEDIAVAULT_TEST_S3_URL") is { Length: > 0 } url ? url : null;

    public static string S3Bucket => Environment.GetEnvironmentVariable("MEDIAVAULT_TEST_S3_BUCKET") ?? "mediavault";

    /// <summary>The S3 keys (MEDIAVAULT_TEST_S3_ACCESS_KEY / _SECRET_KEY, as scripts/ceph-test-cluster.sh exports them).</summary>
    public static string S3AccessKey => Environment.GetEnvironmentVariable("MEDIAVAULT_TEST_S3_ACCESS_KEY") ?? "";

    public static string S3SecretKey => Environment.GetEnvironmentVariable("MEDIAVAULT_TEST_S3_SECRET_KEY") ?? "";

    public static bool UsesFileSystem => S3Url is null;

    /// <summary>Configuration arguments selecting the backends for one server over <paramref name="dataPath"/>.</summary>
    public static IEnumerable<string> Arguments(string dataPath)
    {
        var run = Path.GetFileName(dataPath.TrimEnd(Path.DirectorySeparatorChar)).Replace("-", "_", StringComparison.Ordinal);
        if (Postgres is { } pg)
        {
            yield return "--Database:Provider=postgres";
            yield return $"--ConnectionStrings:Default={pg};Database={DatabaseName(run)}";
        }

        if (S3Url is { } url)
        {
            yield return "--Storage:Provider=s3";
            yield return $"--Storage:S3:ServiceUrl={url}";
            yield return $"--Storage:S3:Bucket={S3Bucket}";
            yield return $"--Storage:S3:Prefix={run}/";
            yield return $"--Storage:S3:AccessKey={S3AccessKey}";
            yield return $"--Storage:S3:SecretKey={S3SecretKey}";
            yield return "--Storage:S3:CreateBucket=true";
            yield return $"--Storage:S3:StagingPath={Path.Combine(dataPath, "staging")}";
        }
    }

    /// <summary>PostgreSQL identifiers are at most 63 bytes; the folder name is unique per server.</summary>
    private static string DatabaseName(string run) => ("mv_" + run)[..Math.Min(63, 3 + run.Length)].ToLowerInvariant();
}
