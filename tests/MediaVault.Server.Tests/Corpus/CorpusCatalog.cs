using System.Text.Json;

namespace MediaVault.Server.Tests.Corpus;

/// <summary>
/// The corpus files present in tests/corpus/.cache (listed in its fetched.tsv by tests/corpus/fetch.sh) with their
/// reference answers. By default only the sample (manifest rank 1..40); <c>MEDIAVAULT_CORPUS=full</c> takes every
/// fetched file. <c>MEDIAVAULT_CORPUS_DIR</c> points at another corpus folder.
/// </summary>
public sealed class CorpusCatalog
{
    public const int SampleSize = 40;

    private static readonly Lazy<CorpusCatalog?> Loaded = new(Read);

    public required string Directory { get; init; }

    public required bool Full { get; init; }

    public required IReadOnlyList<CorpusEntry> Entries { get; init; }

    public string ReportPath => Path.Combine(Directory, ".cache", "report.txt");

    public static CorpusCatalog? Load() => Loaded.Value;

    private static CorpusCatalog? Read()
    {
        var directory = Environment.GetEnvironmentVariable("MEDIAVAULT_CORPUS_DIR") ?? FindCorpusDirectory();
        if (directory is null || !File.Exists(Path.Combine(directory, "manifest.tsv")) || !File.Exists(Path.Combine(directory, "reference.json")))
        {
            return null;
        }

        var fetchedList = Path.Combine(directory, ".cache", "fetched.tsv");
        if (!File.Exists(fetchedList))
        {
            return null;
        }

        var full = string.Equals(Environment.GetEnvironmentVariable("MEDIAVAULT_CORPUS"), "full", StringComparison.OrdinalIgnoreCase);
        var fetched = File.ReadAllLines(fetchedList).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "reference.json")));
        var answers = reference.RootElement.GetProperty("files");
        var entries = new List<CorpusEntry>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "manifest.tsv")).Skip(1))
        {
            // id, family, package, version, path, sha256, size, sample rank
            var columns = line.Split('\t');
            if (columns.Length < 8 || !fetched.Contains(columns[0]) || !answers.TryGetProperty(columns[0], out var expected))
            {
                continue;
            }

            var rank = int.Parse(columns[7], System.Globalization.CultureInfo.InvariantCulture);
            if (full || rank is > 0 and <= SampleSize)
            {
                var file = Path.Combine(directory, ".cache", "files", columns[0]);
                entries.Add(new CorpusEntry(columns[0], columns[1], columns[2], columns[4], file, expected.Clone()));
            }
        }

        return new CorpusCatalog { Directory = directory, Full = full, Entries = entries };
    }

    private static string? FindCorpusDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "corpus");
            if (File.Exists(Path.Combine(candidate, "manifest.tsv")))
            {
                return candidate;
            }
        }

        return null;
    }
}
