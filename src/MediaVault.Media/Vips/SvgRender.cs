namespace MediaVault.Media.Vips;

/// <summary>
/// How an SVG is drawn: scaled to exactly <see cref="Width"/>×<see cref="Height"/> pixels and seen through a
/// <see cref="PageWidth"/>×<see cref="PageHeight"/> window centred on it (smaller than the drawing for a centre crop).
/// </summary>
public readonly record struct SvgRender(int Width, int Height, int PageWidth, int PageHeight)
{
    /// <summary>Where the drawing's left edge sits on the page (negative when the page crops it).</summary>
    public int Left => (PageWidth - Width) / 2;

    /// <summary>Where the drawing's top edge sits on the page (negative when the page crops it).</summary>
    public int Top => (PageHeight - Height) / 2;
}
