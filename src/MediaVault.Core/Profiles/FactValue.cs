using System.Globalization;

namespace MediaVault.Core.Profiles;

/// <summary>One measured fact: a number, a text (compared case-insensitively) or a flag.</summary>
public readonly record struct FactValue
{
    private FactValue(FactKind kind, double number, string? text, bool flag)
    {
        Kind = kind;
        Number = number;
        Text = text;
        Flag = flag;
    }

    public FactKind Kind { get; }

    public double Number { get; }

    public string? Text { get; }

    public bool Flag { get; }

    public static FactValue Of(double number) => new(FactKind.Number, number, null, false);

    public static FactValue Of(string text) => new(FactKind.Text, 0, text, false);

    public static FactValue Of(bool flag) => new(FactKind.Flag, 0, null, flag);

    /// <summary>Equal kinds and values; texts ignore case, numbers compare exactly.</summary>
    public bool Matches(FactValue other) => (Kind, other.Kind) switch
    {
        (FactKind.Number, FactKind.Number) => Number.Equals(other.Number),
        (FactKind.Text, FactKind.Text) => string.Equals(Text, other.Text, StringComparison.OrdinalIgnoreCase),
        (FactKind.Flag, FactKind.Flag) => Flag == other.Flag,
        _ => false,
    };

    public override string ToString() => Kind switch
    {
        FactKind.Number => Number.ToString("0.###", CultureInfo.InvariantCulture),
        FactKind.Text => Text ?? string.Empty,
        _ => Flag ? "true" : "false",
    };
}
