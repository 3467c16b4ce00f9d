using System.Text.RegularExpressions;
using System.Xml;
using MediaVault.Core.Processing;

namespace MediaVault.Media.Vips;

/// <summary>
/// Admits only a self-contained SVG to libvips, which then reads it from a buffer (no base folder, so librsvg has no
/// file to resolve against). Refused: any DOCTYPE but an Illustrator-style one of literal entities, which is expanded
/// away first (<see cref="SvgDoctype"/>; so no external entity — XXE — no external DTD, no nested entities), processing instructions
/// (<c>xml-stylesheet</c>), XInclude, <c>href</c>/<c>xlink:href</c> other than a <c>#fragment</c> or an inline raster
/// <c>data:</c> image, CSS <c>url()</c> other than a fragment, and <c>@import</c>.
/// </summary>
public static partial class SvgGuard
{
    /// <summary>Largest SVG read (it is parsed in memory).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private const string XIncludeNamespace = "http://www.w3.org/2001/XInclude";

    /// <summary>Whether the file is XML text (after an optional BOM and whitespace it starts with <c>&lt;</c>) or gzip (SVGZ).</summary>
    public static bool LooksLikeSvg(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        Span<byte> head = stackalloc byte[256];
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = head[..read];
        if (text.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return true;
        }

        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        var start = text.IndexOfAnyExcept((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        return start >= 0 && text[start] == (byte)'<';
    }

    /// <summary>The file's bytes, when it is a self-contained SVG.</summary>
    /// <exception cref="MediaUnreadableException">Too large, compressed, not well-formed SVG, or it refers to anything outside itself.</exception>
    public static byte[] ReadSelfContained(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new MediaUnreadableException($"SVG is {length} bytes, more than the {MaxBytes} read");
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            throw new MediaUnreadableException("Compressed SVG (SVGZ) is not read");
        }

        return Admit(bytes);
    }

    /// <summary>
    /// The document librsvg may read: the SVG itself, or when it has an admitted DOCTYPE (<see cref="SvgDoctype"/>), the
    /// same document with its entities expanded and no DOCTYPE; either way checked by <see cref="EnsureSelfContained"/>.
    /// </summary>
    /// <exception cref="MediaUnreadableException">Not well-formed SVG, a refused DOCTYPE, or it refers to anything outside itself.</exception>
    public static byte[] Admit(byte[] svg)
    {
        var admitted = SvgDoctype.Expand(svg) ?? svg;
        EnsureSelfContained(admitted);
        return admitted;
    }

    /// <exception cref="MediaUnreadableException">Not well-formed SVG, or it refers to anything outside itself.</exception>
    public static void EnsureSelfContained(byte[] svg)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBytes,
            IgnoreProcessingInstructions = false,
            IgnoreComments = true,
        };
        try
        {
            using var stream = new MemoryStream(svg, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            var root = true;
            var inStyle = false;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.ProcessingInstruction:
                        throw Refused($"processing instruction <?{reader.Name}?>");
                    case XmlNodeType.Element:
                        CheckElement(reader, root);
                        root = false;
                        inStyle = reader.LocalName == "style" && !reader.IsEmptyElement;
                        break;
                    case XmlNodeType.EndElement:
                        inStyle = false;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when inStyle:
                        CheckCss(reader.Value, "<style>");
                        break;
                }
            }

            if (root)
            {
                throw Refused("no root element");
            }
        }
        catch (XmlException ex)
        {
            throw new MediaUnreadableException($"SVG is refused: {ex.Message}", ex);
        }
    }

    private static void CheckElement(XmlReader reader, bool root)
    {
        if (root && reader.LocalName != "svg")
        {
            throw Refused($"root element <{reader.Name}> is not <svg>");
        }

        if (reader.NamespaceURI == XIncludeNamespace)
        {
            throw Refused("XInclude");
        }

        while (reader.MoveToNextAttribute())
        {
            if (reader.LocalName == "href" && !IsInternal(reader.Value))
            {
                throw Refused($"{reader.Name}=\"{Shorten(reader.Value)}\" points outside the file");
            }

            CheckCss(reader.Value, reader.Name);
        }

        reader.MoveToElement();
    }

    private static void CheckCss(string text, string where)
    {
        if (text.Contains("@import", StringComparison.OrdinalIgnoreCase))
        {
            throw Refused($"@import in {where}");
        }

        foreach (Match match in CssUrl().Matches(text))
        {
            if (!match.Groups["target"].Value.StartsWith('#'))
            {
                throw Refused($"url({Shorten(match.Groups["target"].Value)}) in {where} points outside the file");
            }
        }
    }

    private static bool IsInternal(string reference)
    {
        var value = reference.Trim();
        return value.StartsWith('#') || InlineRaster().IsMatch(value);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static MediaUnreadableException Refused(string why) => new($"SVG is refused: {why}");

    [GeneratedRegex(@"url\(\s*['""]?\s*(?<target>[^'"")\s]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CssUrl();

    [GeneratedRegex(@"^data:image/(png|jpeg|gif|webp)[;,]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineRaster();
}
