using System.Text;
using MediaVault.Core.Processing;
using MediaVault.Media.Vips;
using MediaVault.Tests.Hostile;
using Microsoft.Extensions.Options;
using NetVips;

namespace MediaVault.Media.Tests.Vips;

/// <summary>
/// SVG with the runtime's loaders: only librsvg's buffer loader is unblocked. A clean SVG renders; the hostile ones are
/// still refused before libvips sees them, and the file loader (which resolves links against the file's folder) stays
/// blocked.
/// </summary>
[Collection(nameof(SvgLoadingTests))]
[CollectionDefinition(nameof(SvgLoadingTests), DisableParallelization = true)]
public sealed class SvgLoadingTests : IAsyncLifetime
{
    private readonly VipsThumbnailer _vips = new(Options.Create(new ProcessingOptions()));
    private HostileCorpus _corpus = null!;

    public async Task InitializeAsync()
    {
        _corpus = await HostileCorpus.CreateAsync();
    }

    public Task DisposeAsync()
    {
        _corpus.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_clean_svg_renders_from_its_buffer_and_hostile_ones_are_still_refused()
    {
        var clean = Write("clean.svg", Encoding.UTF8.GetBytes(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"40\" height=\"20\" fill=\"#00ff00\"/></svg>"));

        var (width, height) = await _vips.InspectSourceAsync(clean, source => (source.Width, source.Height), CancellationToken.None);
        var thumbnails = await _vips.WriteWebpSeriesAsync(clean, [(20, Path.Combine(_corpus.Directory, "thumb.webp"))], CancellationToken.None);

        Assert.Equal((40, 20), (width, height));
        Assert.Equal((20, 10), thumbnails[20]);
        foreach (var (name, bytes) in _corpus.Svg)
        {
            var hostile = Write(name, bytes);
            var ex = await Assert.ThrowsAsync<MediaUnreadableException>(() => _vips.InspectAsync(hostile, image => image.Width, CancellationToken.None));
            Assert.StartsWith("SVG is refused", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, _corpus.Connections);
    }

    [Fact]
    public void The_svg_file_loader_stays_blocked_so_relative_links_have_no_folder_to_resolve_against()
    {
        VipsRuntime.EnsureConfigured();
        var relative = Write("relative.svg", _corpus.Svg.Single(f => f.Name == "href-relative.svg").Bytes);

        Assert.Throws<VipsException>(() => Image.NewFromFile(relative));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_corpus.Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
