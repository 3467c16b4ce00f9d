using System.Globalization;
using System.Text;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>
/// A few kilobytes of PDF whose first page never finishes rendering: a chain of form XObjects, each drawing the previous
/// one several times, so a renderer makes copies^depth fills of a page-sized shape.
/// </summary>
public static class HostilePdf
{
    public static byte[] Create(int depth = 12, int copies = 4)
    {
        const int firstForm = 5;
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /X{depth} {firstForm + depth} 0 R >> >> >>",
            Stream("", $"/X{depth} Do"),
        };
        for (var level = 0; level <= depth; level++)
        {
            var drawing = level == 0
                ? "0 0 m 612 792 l 0 792 l h f"
                : string.Join(' ', Enumerable.Range(0, copies).Select(c => string.Create(CultureInfo.InvariantCulture, $"q 1 0 0 1 {c * 0.01:0.00} 0 cm /X{level - 1} Do Q")));
            var resources = level == 0 ? "" : $"/Resources << /XObject << /X{level - 1} {firstForm + level - 1} 0 R >> >> ";
            objects.Add(Stream($"/Type /XObject /Subtype /Form /BBox [0 0 612 792] {resources}", drawing));
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Stream(string dictionary, string content) =>
        string.Create(CultureInfo.InvariantCulture, $"<< {dictionary}/Length {content.Length} >>\nstream\n{content}\nendstream");
}
