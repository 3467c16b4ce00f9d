using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Data.Postgres.Migrations
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
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Height",
                table: "Media",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Width",
                table: "Media",
                type: "integer",
                nullable: true);

            // Backfill: what MediaSearchText.Fill computes on every write, for the media stored before. An integer
            // width or height (extracted, else declared), a number of seconds for media that are not images. The json
            // type (not jsonb) reads any text the serializer wrote, \u0000 included.
            migrationBuilder.Sql("""
                UPDATE "Media" AS m SET
                  "Width" = coalesce(
                    CASE WHEN json_typeof(s.j -> 'width') = 'number' AND (s.j ->> 'width') ~ '^-?[0-9]{1,9}$' THEN (s.j ->> 'width')::integer END,
                    CASE WHEN json_typeof(s.j -> 'declared' -> 'width') = 'number' AND (s.j -> 'declared' ->> 'width') ~ '^-?[0-9]{1,9}$' THEN (s.j -> 'declared' ->> 'width')::integer END),
                  "Height" = coalesce(
                    CASE WHEN json_typeof(s.j -> 'height') = 'number' AND (s.j ->> 'height') ~ '^-?[0-9]{1,9}$' THEN (s.j ->> 'height')::integer END,
                    CASE WHEN json_typeof(s.j -> 'declared' -> 'height') = 'number' AND (s.j -> 'declared' ->> 'height') ~ '^-?[0-9]{1,9}$' THEN (s.j -> 'declared' ->> 'height')::integer END),
                  "Duration" = CASE WHEN m."Kind" = 'Image' THEN NULL ELSE coalesce(
                    CASE WHEN json_typeof(s.j -> 'duration') = 'number' THEN (s.j ->> 'duration')::double precision END,
                    CASE WHEN json_typeof(s.j -> 'declared' -> 'duration') = 'number' THEN (s.j -> 'declared' ->> 'duration')::double precision END) END
                FROM (SELECT "Id", "MetadataJson"::json AS j FROM "Media") AS s
                WHERE m."Id" = s."Id" AND json_typeof(s.j) = 'object';
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
