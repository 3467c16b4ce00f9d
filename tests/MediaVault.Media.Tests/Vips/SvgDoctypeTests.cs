using System.Text;
using MediaVault.Core.Processing;
using MediaVault.Media.Vips;
using MediaVault.Tests.Images;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Tests.Vips;

/// <summary>
/// An Illustrator-style DOCTYPE (the SVG 1.1 DTD named, literal general entities) is expanded away before librsvg sees
/// the document; any other DOCTYPE, external DTD, external or parameter entity, or nested entity stays refused.
/// </summary>
public sealed class SvgDoctypeTests
{
    private const string Open = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">";

    [Fact]
    public void An_illustrator_svg_is_admitted_with_its_entities_expanded_and_no_doctype()
    {
        var admitted = Encoding.UTF8.GetString(SvgGuard.Admit(ImageCorpus.IllustratorSvg));

        Assert.DoesNotContain("DOCTYPE", admitted, StringComparison.Ordinal);
        Assert.DoesNotContain("ENTITY", admitted, StringComparison.Ordinal);
        Assert.DoesNotContain("&ns_", admitted, StringComparison.Ordinal);
        Assert.Contains("xmlns:x=\"http://ns.adobe.com/Extensibility/1.0/\"", admitted, StringComparison.Ordinal);
        Assert.Contains("xmlns:graph=\"http://ns.adobe.com/Graphs/1.0/\"", admitted, StringComparison.Ordinal);
        Assert.Contains(">Größe</text>", admitted, StringComparison.Ordinal);
        Assert.Contains(".st0{fill:#E30613;}", admitted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_illustrator_svg_renders_at_its_viewbox_size()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mv-illustrator-{Guid.NewGuid():N}.svg");
        await File.WriteAllBytesAsync(path, ImageCorpus.IllustratorSvg);
        try
        {
            var vips = new VipsThumbnailer(Options.Create(new ProcessingOptions()));

            var size = await vips.InspectSourceAsync(path, source => (source.Width, source.Height), CancellationToken.None);

            Assert.Equal((82, 41), size);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("<!DOCTYPE svg>")]
    [InlineData("<!DOCTYPE svg [ ]>")]
    [InlineData("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.0//EN\" \"http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd\">")]
    [InlineData("<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1 Tiny//EN' 'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11-tiny.dtd' [<!ENTITY a 'x'>]>")]
    public void The_w3c_svg_doctype_alone_or_with_literal_entities_is_admitted(string doctype)
    {
        var admitted = Encoding.UTF8.GetString(SvgGuard.Admit(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n" + doctype + "\n" + Open + "</svg>")));

        Assert.DoesNotContain("DOCTYPE", admitted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;", "more than literal entities")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x PUBLIC \"-//x//EN\" \"http://127.0.0.1:1/x\">]>", "&x;", "more than literal entities")]
    [InlineData("<!DOCTYPE svg [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p.dtd\"> %p;]>", "", "more than literal entities")]
    [InlineData("<!DOCTYPE svg [<!ENTITY % p \"x\">]>", "", "more than literal entities")]
    [InlineData("<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>", "&b;", "more than literal entities")]
    [InlineData("<!DOCTYPE svg [<!ENTITY a \"<image href='/etc/passwd'/>\">]>", "&a;", "more than literal entities")]
    [InlineData("<!DOCTYPE svg [<!ENTITY a \"%x;\">]>", "&a;", "more than literal entities")]
    [InlineData("<!DOCTYPE svg [<!ATTLIST svg onload CDATA \"x\">]>", "", "more than literal entities")]
    [InlineData("<!DOCTYPE svg [<!ELEMENT svg ANY>]>", "", "more than literal entities")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x SYSTEM \"http://127.0.0.1:1/x\" NDATA png>]>", "", "more than literal entities")]
    [InlineData("<!DOCTYPE svg SYSTEM \"http://127.0.0.1:1/svg11.dtd\">", "", "external DTD")]
    [InlineData("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://127.0.0.1:1/svg11.dtd\">", "", "external DTD")]
    [InlineData("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"file:///etc/passwd\">", "", "external DTD")]
    [InlineData("<!DOCTYPE html>", "", "DOCTYPE other than")]
    [InlineData("<!DOCTYPE svg [<!ENTITY a \"x\">]] ]>", "", "DOCTYPE other than")]
    [InlineData("<!DOCTYPE svg [<!ENTITY a \"x\">]>", "&undeclared;", "undeclared")]
    public void Any_other_doctype_stays_refused(string doctype, string text, string reason)
    {
        var svg = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>" + doctype + Open + "<text>" + text + "</text></svg>");

        var ex = Assert.Throws<MediaUnreadableException>(() => SvgGuard.Admit(svg));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_that_expands_to_a_link_outside_the_file_is_refused_after_expansion()
    {
        var svg = Encoding.UTF8.GetBytes(
            "<!DOCTYPE svg [<!ENTITY target \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"&target;\"/></svg>");

        var ex = Assert.Throws<MediaUnreadableException>(() => SvgGuard.Admit(svg));

        Assert.Contains("points outside", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_or_too_long_entities_and_too_much_expansion_are_refused()
    {
        var many = string.Concat(Enumerable.Range(0, SvgDoctype.MaxEntities + 1).Select(i => $"<!ENTITY e{i} \"x\">"));
        var longValue = new string('x', SvgDoctype.MaxValueLength + 1);
        var expanding = new string('x', SvgDoctype.MaxValueLength);
        var references = string.Concat(Enumerable.Repeat("&e;", (SvgDoctype.MaxExpandedCharacters / SvgDoctype.MaxValueLength) + 1));

        Assert.Throws<MediaUnreadableException>(() => SvgGuard.Admit(Svg($"<!DOCTYPE svg [{many}]>", "")));
        Assert.Throws<MediaUnreadableException>(() => SvgGuard.Admit(Svg($"<!DOCTYPE svg [<!ENTITY e \"{longValue}\">]>", "")));
        Assert.Throws<MediaUnreadableException>(() => SvgGuard.Admit(Svg($"<!DOCTYPE svg [<!ENTITY e \"{expanding}\">]>", references)));
    }

    private static byte[] Svg(string doctype, string text) => Encoding.UTF8.GetBytes(doctype + Open + "<text>" + text + "</text></svg>");
}
