using System.Text;
using MediaVault.Core.Processing;
using MediaVault.Media.Vips;

namespace MediaVault.Media.Tests.Vips;

public sealed class SvgGuardTests
{
    private const string Open = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">";

    [Theory]
    [InlineData("<rect width=\"10\" height=\"10\" fill=\"red\"/>")]
    [InlineData("<defs><linearGradient id=\"g\"><stop offset=\"0\"/></linearGradient></defs><rect width=\"10\" height=\"10\" fill=\"url(#g)\"/>")]
    [InlineData("<defs><circle id=\"c\" r=\"2\"/></defs><use xlink:href=\"#c\"/><use href=\"#c\"/>")]
    [InlineData("<style>rect { fill: url('#g') }</style><rect width=\"10\" height=\"10\"/>")]
    [InlineData("<image width=\"1\" height=\"1\" href=\"data:image/png;base64,iVBORw0KGgo=\"/>")]
    [InlineData("<!-- a comment --><text>&amp; &lt;</text>")]
    public void A_self_contained_svg_is_admitted(string body)
    {
        SvgGuard.EnsureSelfContained(Svg(body));
    }

    [Theory]
    [InlineData("<image xlink:href=\"/etc/passwd\"/>", "points outside")]
    [InlineData("<image href=\"file:///etc/hostname\"/>", "points outside")]
    [InlineData("<image href=\"secret.png\"/>", "points outside")]
    [InlineData("<image href=\"http://127.0.0.1:1/x.png\"/>", "points outside")]
    [InlineData("<use href=\"other.svg#c\"/>", "points outside")]
    [InlineData("<image href=\"data:image/svg+xml;base64,PHN2Zy8+\"/>", "points outside")]
    [InlineData("<rect fill=\"url(http://127.0.0.1:1/p.svg#p)\"/>", "url(")]
    [InlineData("<rect style=\"fill: url( 'file:///etc/passwd' )\"/>", "url(")]
    [InlineData("<style>@import url(#x);</style>", "@import")]
    [InlineData("<style><![CDATA[ rect { fill: url(https://example.com/p#p) } ]]></style>", "url(")]
    [InlineData("<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>", "XInclude")]
    public void An_svg_that_refers_outside_itself_is_refused(string body, string reason)
    {
        var ex = Assert.Throws<MediaUnreadableException>(() => SvgGuard.EnsureSelfContained(Svg(body)));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Open + "<text>&x;</text></svg>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>" + Open + "<text>&b;</text></svg>")]
    [InlineData("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://127.0.0.1:1/svg11.dtd\">" + Open + "</svg>")]
    [InlineData("<?xml-stylesheet href=\"file:///etc/passwd\" type=\"text/css\"?>" + Open + "</svg>")]
    [InlineData(Open + "<text>&undeclared;</text></svg>")]
    [InlineData("<html><svg/></html>")]
    [InlineData(Open + "<unclosed></svg>")]
    public void Any_doctype_entity_stylesheet_or_malformed_svg_is_refused(string svg)
    {
        Assert.Throws<MediaUnreadableException>(() => SvgGuard.EnsureSelfContained(Encoding.UTF8.GetBytes(svg)));
    }

    private static byte[] Svg(string body) => Encoding.UTF8.GetBytes(Open + body + "</svg>");
}
