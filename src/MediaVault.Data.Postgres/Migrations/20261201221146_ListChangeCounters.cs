using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Data.Postgres.Migrations
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
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantChanges", x => x.TenantId);
                });

            // Every committed insert, update or delete of a row a list shows moves its tenant's counter, whichever code
            // path or instance wrote it; lists remember answers by this value (LibraryListCache). The triggers are
            // deferred constraint triggers: they run at commit, so the counter row is locked only from then to the end
            // of the commit (concurrent writers of one tenant do not hold it through their whole transaction), and the
            // bump becomes visible in the same commit as the change. A transaction bumps a tenant once (a setting
            // local to the transaction remembers it), however many rows it wrote. No sequence or max(): commits land
            // out of order, a counter row updated under its lock does not.
            migrationBuilder.Sql("""
                CREATE FUNCTION "TenantChanges_Bump"() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  tenant uuid;
                  flag text;
                BEGIN
                  FOREACH tenant IN ARRAY CASE TG_OP
                    WHEN 'INSERT' THEN ARRAY[NEW."TenantId"]
                    WHEN 'DELETE' THEN ARRAY[OLD."TenantId"]
                    ELSE ARRAY[NEW."TenantId", OLD."TenantId"] END
                  LOOP
                    flag := 'mediavault.changed_' || replace(tenant::text, '-', '');
                    IF coalesce(current_setting(flag, true), '') <> '1' THEN
                      INSERT INTO "TenantChanges" ("TenantId", "Version") VALUES (tenant, 1)
                        ON CONFLICT ("TenantId") DO UPDATE SET "Version" = "TenantChanges"."Version" + 1;
                      PERFORM set_config(flag, '1', true);
                    END IF;
                  END LOOP;
                  RETURN NULL;
                END
                $$;
                """);
            foreach (var table in ListedTables)
            {
                migrationBuilder.Sql($"""
                    CREATE CONSTRAINT TRIGGER "TenantChanges_{table}" AFTER INSERT OR UPDATE OR DELETE ON "{table}"
                      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "TenantChanges_Bump"();
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
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "TenantChanges_{table}" ON "{table}";""");
            }

            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "TenantChanges_Bump"();""");
            migrationBuilder.DropTable(
                name: "TenantChanges");
        }
    }
}
