using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MediaLibraryDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // NameKey, SearchText, SizeKey and DurationKey of existing media are filled in C# by DatabaseMigrator right
            // after migrating (the folding and the metadata read must match what every write computes).
            migrationBuilder.AddColumn<string>(
                name: "AltText",
                table: "Media",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "Media",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Media",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "DurationKey",
                table: "Media",
                type: "double precision",
                nullable: false,
                defaultValue: -1.0);

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Media",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Media",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "SizeKey",
                table: "Media",
                type: "bigint",
                nullable: false,
                defaultValue: -1L);

            migrationBuilder.CreateTable(
                name: "MediaTags",
                columns: table => new
                {
                    MediaId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SearchKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaTags", x => new { x.MediaId, x.Key });
                    table.ForeignKey(
                        name: "FK_MediaTags_Media_MediaId",
                        column: x => x.MediaId,
                        principalTable: "Media",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Media_TenantId_DurationKey_Id",
                table: "Media",
                columns: new[] { "TenantId", "DurationKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Media_TenantId_NameKey_Id",
                table: "Media",
                columns: new[] { "TenantId", "NameKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Media_TenantId_SizeKey_Id",
                table: "Media",
                columns: new[] { "TenantId", "SizeKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaTags_TenantId_Key",
                table: "MediaTags",
                columns: new[] { "TenantId", "Key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MediaTags");

            migrationBuilder.DropIndex(
                name: "IX_Media_TenantId_DurationKey_Id",
                table: "Media");

            migrationBuilder.DropIndex(
                name: "IX_Media_TenantId_NameKey_Id",
                table: "Media");

            migrationBuilder.DropIndex(
                name: "IX_Media_TenantId_SizeKey_Id",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "AltText",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "DurationKey",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "SizeKey",
                table: "Media");
        }
    }
}
