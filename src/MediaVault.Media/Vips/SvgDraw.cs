using NetVips;

namespace MediaVault.Media.Vips;

/// <summary>Draws an SVG's checked bytes as <paramref name="render"/> plans it (out of process: <see cref="SvgRasterizer"/>).</summary>
public delegate Task<Image> SvgDraw(byte[] svg, SvgRender render, CancellationToken cancellationToken);
