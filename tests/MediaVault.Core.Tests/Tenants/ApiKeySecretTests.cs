using System.Security.Cryptography;
using System.Text;
using MediaVault.Core.Tenants;

namespace MediaVault.Core.Tests.Tenants;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void Hash_is_lowercase_hex_sha256_of_the_utf8_secret()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("s3cret-ü")));

        Assert.Equal(expected, ApiKeySecret.Hash("s3cret-ü"));
    }

    [Fact]
    public void Matches_accepts_the_secret_that_was_hashed()
    {
        var secret = ApiKeySecret.NewSecret();

        Assert.True(ApiKeySecret.Matches(secret, ApiKeySecret.Hash(secret)));
    }

    [Fact]
    public void Matches_rejects_another_secret()
    {
        var stored = ApiKeySecret.Hash(ApiKeySecret.NewSecret());

        Assert.False(ApiKeySecret.Matches(ApiKeySecret.NewSecret(), stored));
        Assert.False(ApiKeySecret.Matches("", stored));
    }

    [Fact]
    public void Matches_rejects_a_malformed_stored_hash()
    {
        var secret = ApiKeySecret.NewSecret();
        var hash = ApiKeySecret.Hash(secret);

        Assert.False(ApiKeySecret.Matches(secret, ""));
        Assert.False(ApiKeySecret.Matches(secret, hash[..^1]));
        Assert.False(ApiKeySecret.Matches(secret, hash.ToUpperInvariant()));
    }

    [Fact]
    public void NewId_has_the_prefix_and_16_hex_characters()
    {
        var id = ApiKeySecret.NewId();

        Assert.StartsWith(ApiKeySecret.IdPrefix, id, StringComparison.Ordinal);
        Assert.Equal(3 + 16, id.Length);
        Assert.All(id[3..], c => Assert.True(char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)));
    }

    [Fact]
    public void NewSecret_is_43_url_safe_characters_and_unique()
    {
        var first = ApiKeySecret.NewSecret();

        Assert.Equal(43, first.Length);
        Assert.All(first, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        Assert.NotEqual(first, ApiKeySecret.NewSecret());
    }

    [Fact]
    public void Bearer_form_splits_back_into_id_and_secret()
    {
        var id = ApiKeySecret.NewId();
        var secret = ApiKeySecret.NewSecret();

        var token = ApiKeySecret.BearerForm(id, secret);

        Assert.Equal(id + "." + secret, token);
        Assert.True(ApiKeySecret.TrySplitBearer(token, out var splitId, out var splitSecret));
        Assert.Equal(id, splitId);
        Assert.Equal(secret, splitSecret);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc.def")]
    [InlineData("AK_abc.def")]
    [InlineData("xak_abc.def")]
    [InlineData("ak_abcdef")]
    [InlineData("ak_.secret")]
    [InlineData("ak_abc.")]
    [InlineData("ak_abc.def.ghi")]
    [InlineData("ak_abc..def")]
    [InlineData(".")]
    [InlineData("ak_")]
    [InlineData("ak_.")]
    public void TrySplitBearer_rejects_malformed_tokens(string token)
    {
        Assert.False(ApiKeySecret.TrySplitBearer(token, out var id, out var secret));
        Assert.Equal("", id);
        Assert.Equal("", secret);
    }
}
