using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TenantAllowedOrigins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AllowedOrigins",
                table: "Tenants",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AllowedOrigins",
                table: "Tenants");
        }
    }
}
