namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// The <c>code</c> of each violation. Where a rule is one of Symfony Validator's constraints (which API Platform's
/// violations carry) the code is that constraint's UUID, so clients written against API Platform recognise it; the
/// rules Symfony has no constraint for get a <c>mediavault:</c> code.
/// </summary>
public static class ViolationCodes
{
    /// <summary>Symfony <c>NotNull::IS_NULL_ERROR</c>.</summary>
    public const string IsNull = "ad32d13f-c3d4-423b-909a-857b961eb720";

    /// <summary>Symfony <c>Length::TOO_LONG_ERROR</c>.</summary>
    public const string TooLong = "d94b19cc-114f-4f44-9cc4-4138e80a87b9";

    /// <summary>Symfony <c>Choice::NO_SUCH_CHOICE_ERROR</c>: a media that is not an image where only images may go.</summary>
    public const string NoSuchChoice = "8e179f1b-97aa-4560-a02f-2a8b42e49df7";

    /// <summary>Symfony <c>Unique::IS_NOT_UNIQUE</c>: the same media twice in one list.</summary>
    public const string NotUnique = "7911c98d-b845-4da0-94b7-a8dac36bc55a";

    /// <summary>Any other rule the request breaks, named by the detail.</summary>
    public const string Invalid = "mediavault:invalid";

    /// <summary>An IRI that names no resource of this organisation.</summary>
    public const string ItemNotFound = "mediavault:item-not-found";
}
