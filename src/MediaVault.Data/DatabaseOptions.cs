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

    public bool IsPostgres => Provider.StartsWith(Postgres, StringComparison.OrdinalIgnoreCase);
}
