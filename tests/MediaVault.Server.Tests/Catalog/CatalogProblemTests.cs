using System.Net;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Catalog;

/// <summary>Catalogue problems as API Platform writes them: Hydra's title and description, violations with codes.</summary>
[Collection(ServerCollection.Name)]
public sealed class CatalogProblemTests(ServerFixture server)
{
    [Fact]
    public async Task A_problem_carries_hydra_title_and_description_beside_the_reference_fields()
    {
        using var client = server.CreateCatalogClient(out _);

        using var response = await client.GetAsync("/rest/api/medias/missing");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("hydra:Error", problem.GetProperty("@type").GetString());
        Assert.Equal(problem.GetProperty("title").GetString(), problem.GetProperty("hydra:title").GetString());
        Assert.Equal(problem.GetProperty("detail").GetString(), problem.GetProperty("hydra:description").GetString());
        Assert.Equal("/rest/api/medias/missing", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Medias_that_cannot_be_attached_are_a_422_constraint_violation_list_with_codes()
    {
        using var client = server.CreateCatalogClient(out _);
        var audio = await client.UploadMediaAsync("tone.mp3");
        var image = await client.UploadMediaAsync("image.png");
        var imageIri = image.GetProperty("@id").GetString();
        var body = $$"""{"name": "Mug", "medias": ["/rest/api/medias/none", "{{audio.GetProperty("@id").GetString()}}", "{{imageIri}}", "{{imageIri}}"]}""";

        using var response = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ConstraintViolationList", problem.GetProperty("@type").GetString());
        Assert.Equal("An error occurred", problem.GetProperty("hydra:title").GetString());
        Assert.Equal(problem.GetProperty("detail").GetString(), problem.GetProperty("hydra:description").GetString());
        var violations = problem.GetProperty("violations").EnumerateArray()
            .Select(v => (v.GetProperty("propertyPath").GetString(), v.GetProperty("code").GetString())).ToList();
        Assert.Equal(
            [("medias[0]", "mediavault:item-not-found"), ("medias[1]", "8e179f1b-97aa-4560-a02f-2a8b42e49df7"), ("medias[3]", "7911c98d-b845-4da0-94b7-a8dac36bc55a")],
            violations);
        Assert.StartsWith("medias[0]: Item not found for \"/rest/api/medias/none\".", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_past_its_limit_is_a_400_violation_list_keeping_the_reference_detail()
    {
        using var client = server.CreateCatalogClient(out _);

        using var response = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name": "{{new string('x', 501)}}"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("name: This value is too long. It should have 500 characters or less.", problem.GetProperty("detail").GetString());
        Assert.Equal("ConstraintViolationList", problem.GetProperty("@type").GetString());
        var violation = Assert.Single(problem.GetProperty("violations").EnumerateArray());
        Assert.Equal("name", violation.GetProperty("propertyPath").GetString());
        Assert.Equal("This value is too long. It should have 500 characters or less.", violation.GetProperty("message").GetString());
        Assert.Equal("d94b19cc-114f-4f44-9cc4-4138e80a87b9", violation.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_plain_400_as_api_platform_answers_it()
    {
        using var client = server.CreateCatalogClient(out _);

        using var response = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", """{"name": 12}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("hydra:Error", problem.GetProperty("@type").GetString());
        Assert.Equal("The type of the \"name\" attribute must be \"string\", \"int\" given.", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("violations", out _));
    }
}
