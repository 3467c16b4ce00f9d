using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Library;

/// <summary>
/// This instance's memory of library list answers (their JSON bytes), each under the <see cref="LibraryListKey"/> it
/// was made for and the tenant's change counter (<see cref="TenantChangeReader"/>) read before its query ran. An
/// answer is served again only for the same key and the same counter value: any committed write of a row a list shows,
/// by any code path or any instance sharing the database, moves the counter, and a write that lands while the query
/// runs moves it past the value the answer is stored under, so such an answer is never served (useless, never
/// wrong). Bounded by <see cref="LibraryOptions.ListCacheBytes"/>: past it, the least recently used answers go until a
/// quarter is free; one answer over an eighth of the budget is not kept.
/// </summary>
public sealed class LibraryListCache(IOptions<LibraryOptions> options)
{
    private readonly ConcurrentDictionary<LibraryListKey, Entry> entries = new();
    private readonly Lock trimming = new();
    private long bytes;
    private long clock;

    public long Budget => options.Value.ListCacheBytes;

    /// <summary>Bytes held now (answers and keys).</summary>
    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>The answer made for <paramref name="key"/> under counter <paramref name="version"/>, or null.</summary>
    public byte[]? Find(LibraryListKey key, long version)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Version == version)
        {
            entry.LastUse = Interlocked.Increment(ref clock);
            return entry.Body;
        }

        if (entry.Version < version && entries.TryRemove(new KeyValuePair<LibraryListKey, Entry>(key, entry)))
        {
            // Counters only grow: an answer under an older value can never be served again.
            Interlocked.Add(ref bytes, -entry.Size);
        }

        return null;
    }

    /// <summary>Remembers <paramref name="body"/>, made for <paramref name="key"/> by a query that ran after counter <paramref name="version"/> was read.</summary>
    public void Add(LibraryListKey key, long version, byte[] body)
    {
        var budget = Budget;
        var entry = new Entry(version, body, key.Bytes + body.Length + 64) { LastUse = Interlocked.Increment(ref clock) };
        if (entry.Size > budget / 8)
        {
            return;
        }

        while (true)
        {
            if (entries.TryGetValue(key, out var present))
            {
                if (present.Version > version)
                {
                    return;
                }

                if (!entries.TryUpdate(key, entry, present))
                {
                    continue;
                }

                Interlocked.Add(ref bytes, entry.Size - present.Size);
            }
            else
            {
                if (!entries.TryAdd(key, entry))
                {
                    continue;
                }

                Interlocked.Add(ref bytes, entry.Size);
            }

            break;
        }

        if (Bytes > budget)
        {
            Trim(budget);
        }
    }

    private void Trim(long budget)
    {
        lock (trimming)
        {
            if (Bytes <= budget)
            {
                return;
            }

            foreach (var (key, entry) in entries.ToArray().OrderBy(e => e.Value.LastUse))
            {
                if (Bytes <= budget / 4 * 3)
                {
                    break;
                }

                if (entries.TryRemove(new KeyValuePair<LibraryListKey, Entry>(key, entry)))
                {
                    Interlocked.Add(ref bytes, -entry.Size);
                }
            }
        }
    }

    private sealed class Entry(long version, byte[] body, int size)
    {
        public long Version { get; } = version;

        public byte[] Body { get; } = body;

        public int Size { get; } = size;

        public long LastUse { get; set; }
    }
}
