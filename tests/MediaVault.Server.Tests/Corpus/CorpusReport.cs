using System.Globalization;
using System.Text;

namespace MediaVault.Server.Tests.Corpus;

/// <summary>The agreement table per family, the misses grouped by cause, and every miss (file, field, expected, got).</summary>
public static class CorpusReport
{
    public static double Agreement(IReadOnlyList<CorpusCheck> checks) =>
        checks.Count == 0 ? 1 : (double)checks.Count(c => c.Agrees) / checks.Count;

    public static string Render(IReadOnlyList<CorpusCheck> checks, bool full)
    {
        var text = new StringBuilder();
        var files = checks.Select(c => c.Id).Distinct().Count();
        text.AppendLine(Invariant($"Real-media corpus ({(full ? "full" : "sample")}): {files} files, {checks.Count} checks, agreement {Agreement(checks):P1}"));
        text.AppendLine();
        text.AppendLine(Invariant($"{"family",-12} {"files",5} {"checks",6} {"agreed",6} {"agreement",9}"));
        foreach (var family in checks.GroupBy(c => c.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = family.ToList();
            text.AppendLine(Invariant($"{family.Key,-12} {list.Select(c => c.Id).Distinct().Count(),5} {list.Count,6} {list.Count(c => c.Agrees),6} {Agreement(list),9:P1}"));
        }

        text.AppendLine();
        text.AppendLine("Misses by cause (field: reason, count, families):");
        foreach (var cause in checks.Where(c => !c.Agrees).GroupBy(c => (c.Field, c.Reason)).OrderByDescending(g => g.Count()))
        {
            var families = string.Join(", ", cause.Select(c => c.Family).Distinct().Order(StringComparer.Ordinal));
            text.AppendLine(Invariant($"  {cause.Key.Field}: {cause.Key.Reason}, {cause.Count()} ({families})"));
        }

        text.AppendLine();
        text.AppendLine("Every miss (file, field, expected, got, reason):");
        foreach (var miss in checks.Where(c => !c.Agrees).OrderBy(c => c.Family, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            text.AppendLine(Invariant($"  {miss.Id}\t{miss.Field}\t{miss.Expected}\t{miss.Got}\t{miss.Reason}"));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
