using System.ComponentModel.DataAnnotations;

namespace MediaVault.Data;

/// <summary>Section <c>Database</c>. The connection string is <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = "sqlite";

    /// <summary><c>sqlite</c> (the embedded default).</summary>
    [Required]
    [RegularExpression("^(?i:sqlite)$", ErrorMessage = "Database:Provider must be 'sqlite'.")]
    public string Provider { get; set; } = Sqlite;
}
