using System.Text;
using MediaVault.Core.Profiles;

namespace MediaVault.Core.Tests.Profiles;

public sealed class ProfileJsonTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mv-profiles-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_built_in_profile_reads_and_is_named_after_its_file()
    {
        var builtIn = ProfileJson.LoadBuiltIn();

        Assert.All(builtIn, p =>
        {
            Assert.NotEmpty(p.Rules);
            Assert.StartsWith("http", p.Source, StringComparison.Ordinal);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", p.CheckedOn);
        });
        Assert.Equal(builtIn.Count, builtIn.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public void A_deployment_profile_replaces_the_built_in_one_of_the_same_name_and_adds_new_ones()
    {
        var builtIn = new[] { Minimal("shop", "release", "Built-in shop"), Minimal("other", "library", "Other") };
        File.WriteAllText(Path.Combine(_folder, "shop.json"), Json("shop", "release", "Our shop"));
        File.WriteAllText(Path.Combine(_folder, "extra.json"), Json("extra", "library", "Extra"));

        var set = new ProfileSet(builtIn, ProfileJson.LoadDirectory(_folder));

        Assert.True(set.TryGet("shop", out var shop));
        Assert.Equal("Our shop", shop.Title);
        Assert.Equal(["extra", "other", "shop"], set.All.Select(p => p.Name));
        Assert.Equal(["extra", "other"], set.ForScope("library").Select(p => p.Name));
        Assert.False(set.TryGet("missing", out _));
    }

    [Theory]
    [InlineData("other.json", """{"name":"shop","title":"T","scope":"release","source":"s","checkedOn":"d","rules":[]}""", "must be named 'shop.json'")]
    [InlineData("shop.json", """{"name":"shop","title":"T","scope":"everywhere","source":"s","checkedOn":"d","rules":[]}""", "scope must be")]
    [InlineData("shop.json", """{"name":"shop","title":"T","scope":"release","source":"s","checkedOn":"d"}""", "'rules' must be an array")]
    [InlineData("shop.json", """{"name":"shop","title":"T","scope":"release","source":"s","checkedOn":"d","rules":[{"id":"a","severity":"fatal","appliesTo":["audio"],"fact":"x","message":"m","remediation":"r"}]}""", "severity 'fatal'")]
    [InlineData("shop.json", """{"name":"shop","title":"T","scope":"release","source":"s","checkedOn":"d","rules":[{"id":"a","severity":"error","fact":"x","message":"m","remediation":"r"}]}""", "'appliesTo' array")]
    [InlineData("shop.json", """{"name":"shop","title":"T","scope":"release","source":"s","checkedOn":"d","rules":[{"id":"a","severity":"error","appliesTo":["audio"],"fact":"x","message":"m","remediation":"r"},{"id":"a","severity":"error","appliesTo":["audio"],"fact":"x","message":"m","remediation":"r"}]}""", "unique")]
    [InlineData("shop.json", """{"name":"shop",""", "shop.json:")]
    public void A_bad_profile_file_is_refused_with_its_name_and_the_reason(string fileName, string json, string expected)
    {
        var ex = Assert.Throws<ProfileFormatException>(() => ProfileJson.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), fileName));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(fileName, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_refused()
    {
        var ex = Assert.Throws<ProfileFormatException>(() => ProfileJson.LoadDirectory(Path.Combine(_folder, "nope")));

        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    private static string Json(string name, string scope, string title) =>
        $$"""{"name":"{{name}}","title":"{{title}}","scope":"{{scope}}","source":"https://example.test","checkedOn":"2026-12-01","rules":[]}""";

    private static MediaProfile Minimal(string name, string scope, string title) =>
        ProfileJson.Parse(new MemoryStream(Encoding.UTF8.GetBytes(Json(name, scope, title))), name + ".json");
}
