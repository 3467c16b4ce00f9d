using System.Globalization;
using System.Text;

namespace MediaVault.Media.Tests.Pdf;

/// <summary>Writes a small valid PDF with blank pages and an Info dictionary, for cases the sample document does not cover.</summary>
internal static class MinimalPdf
{
    /// <param name="titleToken">The title as a PDF string token, e.g. <c>(Side A)</c> or <c>&lt;FEFF0041&gt;</c>.</param>
    public static async Task WriteAsync(string path, int pages, string titleToken)
    {
        var kids = string.Join(' ', Enumerable.Range(0, pages).Select(i => $"{i + 4} 0 R"));
        List<string> objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
            $"<< /Title {titleToken} >>",
            .. Enumerable.Range(0, pages).Select(_ => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"),
        ];

        var body = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(body.Length);
            body.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = body.Length;
        body.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            body.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        body.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        await File.WriteAllTextAsync(path, body.ToString(), Encoding.ASCII);
    }
}
