using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListedSpecs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Duration",
                table: "Media",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Height",
                table: "Media",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Width",
                table: "Media",
                type: "INTEGER",
                nullable: true);

            // Backfill: what MediaSearchText.Fill computes on every write, for the media stored before. An integer
            // width or height (extracted, else declared), a number of seconds for media that are not images.
            migrationBuilder.Sql("""
                UPDATE "Media" SET
                  "Width" = coalesce(
                    CASE WHEN json_type("MetadataJson", '$.width') = 'integer' AND json_extract("MetadataJson", '$.width') BETWEEN -2147483648 AND 2147483647
                      THEN json_extract("MetadataJson", '$.width') END,
                    CASE WHEN json_type("MetadataJson", '$.declared.width') = 'integer' AND json_extract("MetadataJson", '$.declared.width') BETWEEN -2147483648 AND 2147483647
                      THEN json_extract("MetadataJson", '$.declared.width') END),
                  "Height" = coalesce(
                    CASE WHEN json_type("MetadataJson", '$.height') = 'integer' AND json_extract("MetadataJson", '$.height') BETWEEN -2147483648 AND 2147483647
                      THEN json_extract("MetadataJson", '$.height') END,
                    CASE WHEN json_type("MetadataJson", '$.declared.height') = 'integer' AND json_extract("MetadataJson", '$.declared.height') BETWEEN -2147483648 AND 2147483647
                      THEN json_extract("MetadataJson", '$.declared.height') END),
                  "Duration" = CASE WHEN "Kind" = 'Image' THEN NULL ELSE coalesce(
                    CASE WHEN json_type("MetadataJson", '$.duration') IN ('integer', 'real') THEN CAST(json_extract("MetadataJson", '$.duration') AS REAL) END,
                    CASE WHEN json_type("MetadataJson", '$.declared.duration') IN ('integer', 'real') THEN CAST(json_extract("MetadataJson", '$.declared.duration') AS REAL) END) END
                WHERE json_valid("MetadataJson");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Duration",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "Height",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "Width",
                table: "Media");
        }
    }
}
