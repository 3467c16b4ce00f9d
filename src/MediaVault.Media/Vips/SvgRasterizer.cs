using System.Globalization;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Options;
using NetVips;

namespace MediaVault.Media.Vips;

/// <summary>
/// Draws an SVG with librsvg's <c>rsvg-convert</c> in a jailed process of its own, killed past
/// <see cref="ProcessingOptions.PageRenderTimeout"/>: a small drawing of nested filters or references can keep a renderer
/// busy for minutes, and in-process nothing could stop it. It is given only the bytes <see cref="SvgGuard"/> admitted,
/// and sees no file but them.
/// </summary>
public sealed class SvgRasterizer(ProcessRunner runner, IOptions<FfprobeOptions> tools, IOptions<ProcessingOptions> processing)
{
    private const string InputName = "drawing.svg";
    private const string OutputName = "drawing.png";

    /// <summary>A rasterizer with the default tools and confinement (bubblewrap).</summary>
    public SvgRasterizer(IOptions<ProcessingOptions> processing)
        : this(new ProcessRunner(), Options.Create(new FfprobeOptions()), processing)
    {
    }

    /// <summary>The drawing, decoded into memory: exactly <see cref="SvgRender.PageWidth"/>×<see cref="SvgRender.PageHeight"/> sRGB pixels with alpha.</summary>
    /// <exception cref="MediaUnreadableException">
    /// librsvg cannot draw it, or it ran past the limit (code <see cref="MediaFailureCode.ProcessingTimeout"/>).
    /// </exception>
    /// <exception cref="ProcessFailedException">rsvg-convert or the sandbox is missing.</exception>
    public async Task<Image> RenderAsync(byte[] svg, SvgRender render, CancellationToken cancellationToken)
    {
        var folder = runner.CreateScratchFolder("svg-");
        try
        {
            var input = Path.Combine(folder.FullName, InputName);
            await File.WriteAllBytesAsync(input, svg, cancellationToken);
            using var jail = await runner.OpenJailAsync(input, cancellationToken);
            var result = await runner.RunAsync(tools.Value.RsvgConvertPath, Arguments(render), jail, processing.Value.PageRenderTimeout, cancellationToken);
            var written = jail.HostOutput(OutputName);
            if (result.ExitCode != 0 || !File.Exists(written))
            {
                throw new MediaUnreadableException($"SVG could not be drawn: {result.StandardErrorTail}");
            }

            return Load(written, render);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string[] Arguments(SvgRender render) =>
    [
        Option("--width", render.Width), Option("--height", render.Height),
        Option("--page-width", render.PageWidth), Option("--page-height", render.PageHeight),
        Option("--left", render.Left), Option("--top", render.Top),
        "--format=png", "--output=" + ToolJail.Output(OutputName), ToolJail.InputName,
    ];

    // One argument per option ("--left=-12"): a negative value given apart would be read as a flag.
    private static string Option(string name, int value) => name + "=" + value.ToString(CultureInfo.InvariantCulture);

    private static Image Load(string path, SvgRender render)
    {
        try
        {
            using var png = Image.Pngload(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            if (png.Width != render.PageWidth || png.Height != render.PageHeight)
            {
                throw new MediaUnreadableException($"SVG was drawn at {png.Width}×{png.Height}, not the {render.PageWidth}×{render.PageHeight} asked for");
            }

            // libvips' own SVG loader always gives an alpha band; an opaque drawing comes back from rsvg-convert without one.
            using var withAlpha = png.HasAlpha() ? png.Copy() : png.Bandjoin(255);
            return withAlpha.CopyMemory();
        }
        catch (VipsException ex)
        {
            throw new MediaUnreadableException($"SVG drawing could not be read: {VipsErrors.FirstLine(ex.Message)}", ex);
        }
    }
}
