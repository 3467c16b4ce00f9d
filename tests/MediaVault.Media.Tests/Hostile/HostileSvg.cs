using System.Text;

namespace MediaVault.Tests.Hostile;

/// <summary>
/// About a kilobyte of SVG that passes every reference check yet takes minutes to draw: a page-sized rectangle under
/// a turbulence and blur filter, drawn copies^levels times through nested <c>&lt;use&gt;</c> of internal fragments.
/// </summary>
public static class HostileSvg
{
    public static byte[] NestedFilters(int copies = 10, int levels = 3)
    {
        var svg = new StringBuilder(
            """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="2000" height="2000">
            <defs><filter id="f" x="0" y="0" width="1" height="1"><feTurbulence baseFrequency="0.01" numOctaves="30"/><feGaussianBlur stdDeviation="50"/></filter>
            <g id="l0"><rect width="2000" height="2000" filter="url(#f)"/></g>
            """);
        for (var level = 1; level <= levels; level++)
        {
            svg.Append($"<g id=\"l{level}\">");
            for (var copy = 0; copy < copies; copy++)
            {
                svg.Append($"<use xlink:href=\"#l{level - 1}\"/>");
            }

            svg.Append("</g>\n");
        }

        svg.Append($"</defs><use xlink:href=\"#l{levels}\"/></svg>");
        return Encoding.UTF8.GetBytes(svg.ToString());
    }
}
