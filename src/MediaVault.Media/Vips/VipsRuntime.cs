namespace MediaVault.Media.Vips;

/// <summary>
/// Process-wide libvips settings, applied once: loaders that are not fuzzed for untrusted input are blocked (and SVG
/// from files always), the operation cache is kept small (every file is seen once), and libvips' own thread pool is
/// bounded.
/// </summary>
public static class VipsRuntime
{
    private static readonly Lock Gate = new();
    private static bool _configured;

    public static void EnsureConfigured()
    {
        lock (Gate)
        {
            if (_configured)
            {
                return;
            }

            NetVips.NetVips.BlockUntrusted = true;

            // SVG is read from a buffer only (VipsThumbnailer, SvgGuard): from a file or source librsvg would resolve
            // relative links against the file's folder. These stay blocked even when SVG loading is enabled.
            NetVips.Operation.Block("VipsForeignLoadSvgFile", true);
            NetVips.Operation.Block("VipsForeignLoadSvgSource", true);
            NetVips.Cache.Max = 0;
            NetVips.Cache.MaxFiles = 0;
            NetVips.NetVips.Concurrency = Math.Max(1, Environment.ProcessorCount);
            _configured = true;
        }
    }
}
