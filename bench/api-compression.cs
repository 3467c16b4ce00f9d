// Compression level for API answers: .NET's Brotli and gzip encoders (what ASP.NET Core's response compression
// providers wrap) at Fastest and Optimal on captured JSON answers; bytes out and microseconds per answer.
// Usage: dotnet run bench/api-compression.cs -- FILE.json...   (bench/api-compression.sh captures the files)
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

foreach (var path in args)
{
    var json = File.ReadAllBytes(path);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}: {json.Length} bytes plain"));
    foreach (var (name, level) in new[] { ("gzip", CompressionLevel.Fastest), ("gzip", CompressionLevel.Optimal), ("br", CompressionLevel.Fastest), ("br", CompressionLevel.Optimal) })
    {
        var size = Compress(json, name, level);
        const int Rounds = 2000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Rounds; i++)
        {
            Compress(json, name, level);
        }

        var micros = watch.Elapsed.TotalMicroseconds / Rounds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-4} {level,-8} {size,6} bytes ({100.0 * size / json.Length:F1} %)  {micros,8:F1} µs"));
    }
}

static int Compress(byte[] json, string name, CompressionLevel level)
{
    using var output = new MemoryStream();
    using (Stream encoder = name == "br" ? new BrotliStream(output, level, leaveOpen: true) : new GZipStream(output, level, leaveOpen: true))
    {
        encoder.Write(json);
    }

    return (int)output.Length;
}
