using System.Text;
using MediaVault.Media.Vips;

namespace MediaVault.Media.Tests.Vips;

public sealed class SvgIntrinsicSizeTests
{
    [Theory]
    [InlineData("width=\"40\" height=\"20\"", 40, 20)]
    [InlineData("width=\"40px\" height=\"20px\" viewBox=\"0 0 4 4\"", 40, 20)]
    [InlineData("width=\"72pt\" height=\"36pt\"", 96, 48)]
    [InlineData("width=\"25.4mm\" height=\"12.7mm\"", 96, 48)]
    [InlineData("width=\"2.54cm\" height=\"1cm\"", 96, 37.795275590551178)]
    [InlineData("width=\"1in\" height=\"0.5in\"", 96, 48)]
    [InlineData("width=\"10em\" height=\"2ex\"", 120, 12)]
    [InlineData("width=\"1pc\" height=\"1e1\"", 16, 10)]
    [InlineData("viewBox=\"0 0 32 16\"", 32, 16)]
    [InlineData("viewBox=\"-5,-5 300,150\"", 300, 150)]
    [InlineData("width=\"100%\" height=\"100%\" viewBox=\"0 0 32 16\"", 32, 16)]
    [InlineData("width=\"64\" viewBox=\"0 0 32 16\"", 64, 32)]
    [InlineData("height=\"1in\" viewBox=\"0 0 32 16\"", 192, 96)]
    public void The_size_is_read_as_librsvg_reads_it_at_96_dpi(string attributes, double width, double height)
    {
        var size = SvgIntrinsicSize.Read(Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" {attributes}/>"));

        Assert.NotNull(size);
        Assert.Equal(width, size.Value.Width, 6);
        Assert.Equal(height, size.Value.Height, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("width=\"100%\" height=\"50%\"")]
    [InlineData("width=\"40\"")]
    [InlineData("width=\"-4\" height=\"4\"")]
    [InlineData("width=\"4furlongs\" height=\"4\"")]
    [InlineData("viewBox=\"0 0 0 10\"")]
    public void Nothing_is_said_when_neither_size_nor_viewbox_gives_one(string attributes)
    {
        Assert.Null(SvgIntrinsicSize.Read(Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" {attributes}/>")));
    }
}
