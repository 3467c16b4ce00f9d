using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using MediaVault.Core.Processing;

namespace MediaVault.Media.Vips;

/// <summary>
/// The one DOCTYPE an SVG may have, as Adobe Illustrator writes it: named <c>svg</c>, at most the W3C SVG DTD's own
/// public and system identifiers (never fetched), and an internal subset of general entities with literal values only
/// (<c>&lt;!ENTITY ns_ai "http://…"&gt;</c>: no SYSTEM or PUBLIC entity, no parameter entity, no <c>&amp;</c>,
/// <c>&lt;</c> or <c>%</c> in a value, at most <see cref="MaxEntities"/> of at most <see cref="MaxValueLength"/>
/// characters). Such a document is rewritten with its entities expanded and no DOCTYPE, then checked like any other.
/// </summary>
public static partial class SvgDoctype
{
    public const int MaxEntities = 64;

    public const int MaxValueLength = 2048;

    /// <summary>Most characters all entity references of a document may expand to.</summary>
    public const int MaxExpandedCharacters = 1024 * 1024;

    /// <summary>How far into the file the DOCTYPE may end (after the XML declaration and comments).</summary>
    private const int MaxPrologBytes = 128 * 1024;

    private static readonly HashSet<(string Public, string System)> SvgDtds =
    [
        ("-//W3C//DTD SVG 1.0//EN", "http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd"),
        ("-//W3C//DTD SVG 20010904//EN", "http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd"),
        ("-//W3C//DTD SVG 1.1//EN", "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"),
        ("-//W3C//DTD SVG 1.1 Basic//EN", "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11-basic.dtd"),
        ("-//W3C//DTD SVG 1.1 Tiny//EN", "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11-tiny.dtd"),
    ];

    /// <summary>The document with its DOCTYPE's entities expanded and the DOCTYPE gone; null when its prolog has no DOCTYPE.</summary>
    /// <exception cref="MediaUnreadableException">A DOCTYPE other than the one described above, or too much expansion.</exception>
    public static byte[]? Expand(byte[] svg)
    {
        // Latin-1 maps each byte to one char, so offsets are byte offsets and an ASCII-compatible encoding's markup reads
        // as is (UTF-8 multi-byte sequences never contain ASCII bytes); values are decoded properly by the XML reader below.
        var prolog = Encoding.Latin1.GetString(svg, 0, Math.Min(svg.Length, MaxPrologBytes));
        var start = DoctypeStart().Match(prolog);
        if (!start.Success)
        {
            return null;
        }

        var doctype = Doctype().Match(prolog, start.Index + start.Length);
        if (!doctype.Success)
        {
            throw Refused("DOCTYPE other than <!DOCTYPE svg …> with a literal internal subset");
        }

        if (doctype.Groups["system"].Success
            && !(doctype.Groups["public"].Success && SvgDtds.Contains((doctype.Groups["public"].Value, doctype.Groups["system"].Value))))
        {
            throw Refused("external DTD");
        }

        var subset = doctype.Groups["subset"].Value;
        CheckSubset(subset);

        // The external identifier is dropped before parsing, so no parser ever sees a URL.
        var bare = Encoding.Latin1.GetBytes(string.Concat(prolog.AsSpan(0, start.Index), "<!DOCTYPE svg [", subset, "]>"));
        var rest = svg.AsSpan(doctype.Index + doctype.Length);
        return Rewrite([.. bare, .. rest]);
    }

    private static void CheckSubset(string subset)
    {
        var entities = 0;
        var position = 0;
        while (position < subset.Length)
        {
            var token = SubsetToken().Match(subset, position);
            if (!token.Success || token.Index != position)
            {
                var at = subset.AsSpan(position).Trim().ToString();
                throw Refused($"DOCTYPE declares more than literal entities ({(at.Length > 40 ? at[..40] + "…" : at)})");
            }

            if (token.Groups["value"].Success && (++entities > MaxEntities || token.Groups["value"].Length > MaxValueLength))
            {
                throw Refused($"DOCTYPE declares more than {MaxEntities} entities or one longer than {MaxValueLength} characters");
            }

            position += token.Length;
        }
    }

    /// <summary>Parses the checked document and writes it back as UTF-8 with entities expanded and no DOCTYPE.</summary>
    private static byte[] Rewrite(byte[] svg)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Parse,
            XmlResolver = null,
            MaxCharactersInDocument = SvgGuard.MaxBytes,
            MaxCharactersFromEntities = MaxExpandedCharacters,
            IgnoreComments = true,
        };
        var writerSettings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.None };
        try
        {
            using var output = new MemoryStream();
            using (var reader = XmlReader.Create(new MemoryStream(svg, writable: false), settings))
            using (var writer = XmlWriter.Create(output, writerSettings))
            {
                reader.Read();
                while (!reader.EOF)
                {
                    if (reader.NodeType is XmlNodeType.XmlDeclaration or XmlNodeType.DocumentType)
                    {
                        reader.Read();
                        continue;
                    }

                    writer.WriteNode(reader, defattr: false);
                }
            }

            return output.ToArray();
        }
        catch (XmlException ex)
        {
            throw new MediaUnreadableException($"SVG is refused: {ex.Message}", ex);
        }
    }

    private static MediaUnreadableException Refused(string why) => new($"SVG is refused: {why}");

    /// <summary>An optional BOM (as Latin-1), whitespace, the XML declaration and comments, then <c>&lt;!DOCTYPE</c>.</summary>
    [GeneratedRegex(@"\A(?:\u00EF\u00BB\u00BF)?\s*(?:<\?xml\s[^?>]*\?>)?(?:\s+|<!--(?:[^-]|-(?!-))*-->)*<!DOCTYPE\s+", RegexOptions.CultureInvariant)]
    private static partial Regex DoctypeStart();

    [GeneratedRegex(
        @"\Gsvg(?:\s+PUBLIC\s+(?:""(?<public>[^""]*)""|'(?<public>[^']*)')\s+(?:""(?<system>[^""]*)""|'(?<system>[^']*)')|\s+SYSTEM\s+(?:""(?<system>[^""]*)""|'(?<system>[^']*)'))?\s*(?:\[(?<subset>[^\]]*)\]\s*)?>",
        RegexOptions.CultureInvariant)]
    private static partial Regex Doctype();

    /// <summary>Whitespace, a comment, or a general entity with a literal value free of references and markup.</summary>
    [GeneratedRegex(
        @"\G(?:\s+|<!--(?:[^-]|-(?!-))*-->|<!ENTITY\s+[A-Za-z_][A-Za-z0-9._-]*\s+(?:""(?<value>[^""&<%]*)""|'(?<value>[^'&<%]*)')\s*>)",
        RegexOptions.CultureInvariant)]
    private static partial Regex SubsetToken();
}
