namespace MediaVault.Media.Vips;

/// <summary>
/// Process-wide libvips settings, applied once: loaders that are not fuzzed for untrusted input are blocked except SVG
/// from a buffer (SVG from files or sources always), the operation cache is kept small (every file is seen once), and
/// libvips' own thread pool is bounded.
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

            // SVG is read from a buffer only, after SvgGuard accepts it (VipsSource): from a file or source librsvg would
            // resolve relative links against the file's folder, so those loaders stay blocked; the buffer one is the
            // only loader let through that libvips calls untrusted.
            NetVips.Operation.Block("VipsForeignLoadSvgBuffer", false);
            NetVips.Operation.Block("VipsForeignLoadSvgFile", true);
            NetVips.Operation.Block("VipsForeignLoadSvgSource", true);
            NetVips.Cache.Max = 0;
            NetVips.Cache.MaxFiles = 0;
            NetVips.NetVips.Concurrency = Math.Max(1, Environment.ProcessorCount);
            _configured = true;
        }
    }
}
