using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListChangeCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TenantChanges",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantChanges", x => x.TenantId);
                });

            // Every committed insert, update or delete of a row a list shows moves its tenant's counter, whichever code
            // path or instance wrote it (writes are serialized on SQLite, so a row trigger in the writing statement is
            // enough). Lists remember answers by this value (LibraryListCache).
            foreach (var table in ListedTables)
            {
                migrationBuilder.Sql($$"""
                    CREATE TRIGGER "TenantChanges_{{table}}_Insert" AFTER INSERT ON "{{table}}" BEGIN
                      INSERT INTO "TenantChanges" ("TenantId", "Version") VALUES (NEW."TenantId", 1)
                        ON CONFLICT ("TenantId") DO UPDATE SET "Version" = "Version" + 1;
                    END;
                    """);
                migrationBuilder.Sql($$"""
                    CREATE TRIGGER "TenantChanges_{{table}}_Update" AFTER UPDATE ON "{{table}}" BEGIN
                      INSERT INTO "TenantChanges" ("TenantId", "Version") VALUES (NEW."TenantId", 1)
                        ON CONFLICT ("TenantId") DO UPDATE SET "Version" = "Version" + 1;
                      INSERT INTO "TenantChanges" ("TenantId", "Version") SELECT OLD."TenantId", 1 WHERE OLD."TenantId" IS NOT NEW."TenantId"
                        ON CONFLICT ("TenantId") DO UPDATE SET "Version" = "Version" + 1;
                    END;
                    """);
                migrationBuilder.Sql($$"""
                    CREATE TRIGGER "TenantChanges_{{table}}_Delete" AFTER DELETE ON "{{table}}" BEGIN
                      INSERT INTO "TenantChanges" ("TenantId", "Version") VALUES (OLD."TenantId", 1)
                        ON CONFLICT ("TenantId") DO UPDATE SET "Version" = "Version" + 1;
                    END;
                    """);
            }
        }

        /// <summary>The tables whose rows a list answer shows.</summary>
        internal static readonly string[] ListedTables = ["Media", "Renditions", "MediaTags"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in ListedTables)
            {
                foreach (var operation in new[] { "Insert", "Update", "Delete" })
                {
                    migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "TenantChanges_{table}_{operation}";""");
                }
            }

            migrationBuilder.DropTable(
                name: "TenantChanges");
        }
    }
}
