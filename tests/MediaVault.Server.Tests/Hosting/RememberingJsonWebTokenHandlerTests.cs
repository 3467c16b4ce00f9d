using System.Security.Claims;
using System.Text;
using MediaVault.Server.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>The remembered JWT validations: never accept what full validation refuses, never share an identity, stay bounded.</summary>
public sealed class RememberingJsonWebTokenHandlerTests
{
    private const string Key = "remembering-test-key-0123456789abcdef0123456789";

    [Fact]
    public async Task A_token_accepted_before_is_accepted_again_with_its_own_copy_of_the_identity()
    {
        var handler = new RememberingJsonWebTokenHandler { MapInboundClaims = false };
        var parameters = Parameters(Key);
        var token = Sign(Key, DateTime.UtcNow.AddMinutes(10));

        var first = await handler.ValidateTokenAsync(token, parameters);
        // The bearer scheme clones its parameters for every request.
        var second = await handler.ValidateTokenAsync(token, parameters.Clone());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, handler.Count);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal(first.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)), second.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)));
        second.ClaimsIdentity.AddClaim(new Claim("permissions", "admin"));
        var third = await handler.ValidateTokenAsync(token, parameters);
        Assert.DoesNotContain(third.ClaimsIdentity.Claims, c => c.Value == "admin");
    }

    [Fact]
    public async Task A_changed_signature_or_other_parameters_are_validated_in_full_and_refused()
    {
        var handler = new RememberingJsonWebTokenHandler { MapInboundClaims = false };
        var parameters = Parameters(Key);
        var token = Sign(Key, DateTime.UtcNow.AddMinutes(10));
        Assert.True((await handler.ValidateTokenAsync(token, parameters)).IsValid);

        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var otherKey = Parameters("another-key-that-signed-nothing-0123456789abcdef");
        var otherAudience = parameters.Clone();
        otherAudience.ValidateAudience = true;
        otherAudience.ValidAudience = "someone-else";
        Assert.False(RememberingJsonWebTokenHandler.SameRules(parameters, otherAudience));
        Assert.True(RememberingJsonWebTokenHandler.SameRules(parameters, parameters.Clone()));

        Assert.False((await handler.ValidateTokenAsync(tampered, parameters)).IsValid);
        Assert.False((await handler.ValidateTokenAsync(token, otherKey)).IsValid);
        Assert.False((await handler.ValidateTokenAsync(token, otherAudience)).IsValid);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_token_past_its_expiry_is_not_remembered_even_when_the_clock_skew_still_accepts_it()
    {
        var handler = new RememberingJsonWebTokenHandler { MapInboundClaims = false };
        var parameters = Parameters(Key);
        var token = Sign(Key, DateTime.UtcNow.AddSeconds(-5));

        Assert.True((await handler.ValidateTokenAsync(token, parameters)).IsValid);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task At_most_the_capacity_is_remembered()
    {
        var handler = new RememberingJsonWebTokenHandler { MapInboundClaims = false };
        var parameters = Parameters(Key);
        for (var i = 0; i < RememberingJsonWebTokenHandler.Capacity + 10; i++)
        {
            Assert.True((await handler.ValidateTokenAsync(Sign(Key, DateTime.UtcNow.AddMinutes(10), $"user{i}"), parameters)).IsValid);
        }

        Assert.InRange(handler.Count, 1, RememberingJsonWebTokenHandler.Capacity);
    }

    private static TokenValidationParameters Parameters(string key) => AuthenticationSetup.TokenValidation(new JwtOptions { SigningKey = key });

    private static string Sign(string key, DateTime expires, string subject = "u") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Claims = new Dictionary<string, object> { ["sub"] = subject, ["tenant"] = "t", ["permissions"] = new[] { "media:read" } },
        NotBefore = expires.AddMinutes(-20),
        IssuedAt = expires.AddMinutes(-20),
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });
}
