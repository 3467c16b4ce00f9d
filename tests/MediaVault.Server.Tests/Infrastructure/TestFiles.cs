namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>Real sample media shared with the media tests (copied next to the test assembly).</summary>
public static class TestFiles
{
    public static string PathOf(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestFiles", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));
}
