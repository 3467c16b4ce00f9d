using MediaVault.Server.Hosting.Cors;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>Origins are compared in the form browsers send in <c>Origin</c>.</summary>
public sealed class CorsOriginsTests
{
    [Theory]
    [InlineData("https://app.example", "https://app.example")]
    [InlineData("HTTPS://App.Example", "https://app.example")]
    [InlineData("https://app.example:443", "https://app.example")]
    [InlineData("http://localhost:5173", "http://localhost:5173")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("http://[::1]:3000", "http://[::1]:3000")]
    public void An_origin_is_normalized_as_browsers_send_it(string entry, string expected)
    {
        Assert.Equal(expected, CorsOrigins.Normalize(entry, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("app.example")]
    [InlineData("https://app.example/")]
    [InlineData("https://app.example/app")]
    [InlineData("https://app.example#x")]
    [InlineData("wss://app.example")]
    [InlineData("null")]
    public void Anything_else_is_not_an_origin(string entry)
    {
        Assert.Null(CorsOrigins.Normalize(entry, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void The_wildcard_matches_any_origin_and_an_empty_list_none()
    {
        Assert.True(CorsOrigins.Contains(["*"], "null"));
        Assert.True(CorsOrigins.Contains(["https://app.example"], "https://app.example"));
        Assert.False(CorsOrigins.Contains(["https://app.example"], "https://app.example.evil.example"));
        Assert.False(CorsOrigins.Contains([], "https://app.example"));
    }
}
