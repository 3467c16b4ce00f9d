namespace MediaVault.Server.Api.Catalog;

/// <summary>One invalid field of a catalogue request, as API Platform's <c>violations</c> entries carry it.</summary>
/// <param name="PropertyPath">The field, with an index for list entries (<c>medias[2]</c>).</param>
/// <param name="Code">A stable code: Symfony Validator's UUID where the rule is one of its constraints (<see cref="ViolationCodes"/>).</param>
public sealed record ConstraintViolation(string PropertyPath, string Message, string Code);
