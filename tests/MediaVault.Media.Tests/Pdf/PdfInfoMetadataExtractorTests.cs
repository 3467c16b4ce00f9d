using MediaVault.Core.Processing;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Pdf;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Tests.Pdf;

public sealed class PdfInfoMetadataExtractorTests : IDisposable
{
    private readonly PdfInfoMetadataExtractor _extractor = new(new ProcessRunner(), Options.Create(new FfprobeOptions()));
    private readonly string _generated = Path.Combine(Path.GetTempPath(), "mediavault-" + Guid.NewGuid().ToString("N") + ".pdf");

    public void Dispose() => File.Delete(_generated);

    [Fact]
    public async Task Real_pdf_gives_its_page_count()
    {
        var metadata = await _extractor.ExtractAsync(Samples.File("document.pdf"), "application/pdf", CancellationToken.None);

        Assert.Equal(1, metadata["pageCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Page_count_and_a_title_containing_a_colon_are_read()
    {
        await MinimalPdf.WriteAsync(_generated, pages: 3, "(Liner notes: side A)");

        var metadata = await _extractor.ExtractAsync(_generated, "application/pdf", CancellationToken.None);

        Assert.Equal(3, metadata["pageCount"]!.GetValue<int>());
        Assert.Equal("Liner notes: side A", metadata["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_unicode_title_is_read_as_utf8()
    {
        await MinimalPdf.WriteAsync(_generated, pages: 1, "<FEFF0053006F006E00670020201300200043006F00E70061>");

        var metadata = await _extractor.ExtractAsync(_generated, "application/pdf", CancellationToken.None);

        Assert.Equal("Song \u2013 Coça", metadata["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pdf_without_a_title_has_no_title()
    {
        var metadata = await _extractor.ExtractAsync(Samples.File("document.pdf"), "application/pdf", CancellationToken.None);

        Assert.False(metadata.ContainsKey("title"));
    }

    /// <summary>encrypted.pdf is document.pdf through Ghostscript with a user password (-sUserPassword=secret, 128-bit RC4).</summary>
    [Fact]
    public async Task A_pdf_that_needs_a_password_is_described_as_encrypted_with_nothing_else()
    {
        var metadata = await _extractor.ExtractAsync(Samples.File("encrypted.pdf"), "application/pdf", CancellationToken.None);

        Assert.True(metadata["encrypted"]!.GetValue<bool>());
        Assert.False(metadata.ContainsKey("pageCount"));
    }

    /// <summary>owner-protected.pdf is document-3pages.pdf through qpdf with only an owner password (AES-256, printing and copying refused).</summary>
    [Fact]
    public async Task A_pdf_with_only_an_owner_password_is_encrypted_and_keeps_its_page_count()
    {
        var metadata = await _extractor.ExtractAsync(Samples.File("owner-protected.pdf"), "application/pdf", CancellationToken.None);

        Assert.True(metadata["encrypted"]!.GetValue<bool>());
        Assert.Equal(3, metadata["pageCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_plain_pdf_is_not_encrypted()
    {
        var metadata = await _extractor.ExtractAsync(Samples.File("document.pdf"), "application/pdf", CancellationToken.None);

        Assert.False(metadata["encrypted"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("tone.mp3")]
    [InlineData("text-named.mp3")]
    [InlineData("empty.mp3")]
    public async Task Content_that_is_not_a_pdf_is_unreadable(string file)
    {
        await Assert.ThrowsAsync<MediaUnreadableException>(() => _extractor.ExtractAsync(Samples.File(file), "application/pdf", CancellationToken.None));
    }

    [Theory]
    [InlineData("application/pdf", true)]
    [InlineData("application/rtf", false)]
    [InlineData("audio/mpeg", false)]
    public void CanHandle_only_pdf(string mimeType, bool expected)
    {
        Assert.Equal(expected, _extractor.CanHandle(mimeType));
    }
}
