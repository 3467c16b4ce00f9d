using System.ComponentModel.DataAnnotations;

namespace MediaVault.Data;

/// <summary>Section <c>Database</c>. The connection string is <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (the embedded default) or <c>postgres</c>.</summary>
    [Required]
    [RegularExpression("^(?i:sqlite|postgres|postgresql)$", ErrorMessage = "Database:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// SQLite only: how often the server copies the write-ahead log into the database on a thread of its own
    /// (<see cref="SqliteWalCheckpointer"/>) instead of inside a commit. The log grows by at most what is written in
    /// this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsPostgres => Provider.StartsWith(Postgres, StringComparison.OrdinalIgnoreCase);
}
