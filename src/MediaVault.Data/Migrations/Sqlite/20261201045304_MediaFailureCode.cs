using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MediaFailureCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FailureCode",
                table: "Media",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            // Reasons stored before codes existed may hold server paths and tool output: replace them with the
            // generic sentence (MediaFailures.Sentence(ProcessingFailed)); the detail is in the logs of that time.
            migrationBuilder.Sql("""
                UPDATE "Media" SET "FailureCode" = 'processing_failed',
                    "FailureReason" = 'The media could not be processed; uploading it again may help.'
                WHERE "State" = 'Failed'
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailureCode",
                table: "Media");
        }
    }
}
