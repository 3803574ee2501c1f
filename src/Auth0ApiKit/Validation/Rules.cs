using System.Globalization;

namespace Auth0ApiKit.Validation;

/// <summary>
/// Builds <see cref="ValidationError"/>s for the common kinds of rule, with a human sentence and, for rules Auth0
/// makes, the detail its JSON-schema validation gives.
/// </summary>
internal static class Rules
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ValidationError Required(string path, string label) =>
        new(path, RuleCodes.Required, RuleOrigin.Auth0, null, $"{Capitalize(label)} is required.")
        {
            SchemaDetail = $"Missing required property: {path}",
        };

    /// <summary>
    /// A text shorter than allowed. An empty text where one character is the minimum is reported as
    /// <see cref="RuleCodes.Required"/>; any other shortfall (an empty 16-character secret too) as <see cref="RuleCodes.MinLength"/>.
    /// </summary>
    public static ValidationError TooShort(string path, string label, int actual, int minimum, RuleOrigin origin = RuleOrigin.Auth0) =>
        new(path, actual == 0 && minimum == 1 ? RuleCodes.Required : RuleCodes.MinLength, origin, minimum,
            actual == 0 && minimum == 1
                ? $"{Capitalize(label)} must not be empty."
                : $"{Capitalize(label)} is {Chars(actual)} long; it must have at least {Chars(minimum)}.")
        {
            SchemaDetail = origin == RuleOrigin.Auth0 ? $"String is too short ({actual} chars), minimum {minimum}" : null,
        };

    public static ValidationError TooLong(string path, string label, int actual, int maximum) =>
        new(path, RuleCodes.MaxLength, RuleOrigin.Auth0, maximum,
            $"{Capitalize(label)} is {Chars(actual)} long; Auth0 allows at most {Chars(maximum)}.")
        {
            SchemaDetail = $"String is too long ({actual} chars), maximum {maximum}",
        };

    /// <summary>A number below its minimum; <paramref name="actual"/> may have a fraction (a lifetime of -0.5 seconds).</summary>
    public static ValidationError Below(string path, string label, double actual, long minimum, string unit) =>
        new(path, RuleCodes.Minimum, RuleOrigin.Auth0, minimum,
            $"{Capitalize(label)} is {Format(actual)} {unit}; it must be at least {Format(minimum)}.")
        {
            SchemaDetail = string.Create(Invariant, $"Value {actual} is less than minimum {minimum}"),
        };

    /// <summary>A number above its maximum; <paramref name="actual"/> may have a fraction.</summary>
    public static ValidationError Above(string path, string label, double actual, long maximum, string unit) =>
        new(path, RuleCodes.Maximum, RuleOrigin.Auth0, maximum,
            $"{Capitalize(label)} is {Format(actual)} {unit}; Auth0 allows at most {Format(maximum)}.")
        {
            SchemaDetail = string.Create(Invariant, $"Value {actual} is greater than maximum {maximum}"),
        };

    public static ValidationError NotOneOf(string path, string label, string actual, IEnumerable<string> allowed, RuleOrigin origin) =>
        new(path, RuleCodes.UnsupportedValue, origin, null,
            $"{Capitalize(label)} '{actual}' is not supported; use one of: {string.Join(", ", allowed)}.")
        {
            SchemaDetail = origin == RuleOrigin.Auth0 ? $"No enum match for: \"{actual}\"" : null,
        };

    /// <summary>Checks a text field's length range; <paramref name="value"/> must not be <see langword="null"/>.</summary>
    public static void CheckLength(string value, string path, string label, int minimum, int maximum, List<ValidationError> errors)
    {
        if (value.Length < minimum)
        {
            errors.Add(TooShort(path, label, value.Length, minimum));
        }
        else if (value.Length > maximum)
        {
            errors.Add(TooLong(path, label, value.Length, maximum));
        }
    }

    /// <summary>Checks a number's inclusive range.</summary>
    public static void CheckRange(double value, string path, string label, long minimum, long maximum, string unit, List<ValidationError> errors)
    {
        if (value < minimum)
        {
            errors.Add(Below(path, label, value, minimum, unit));
        }
        else if (value > maximum)
        {
            errors.Add(Above(path, label, value, maximum, unit));
        }
    }

    public static string Chars(long count) => count == 1 ? "1 character" : $"{Format(count)} characters";

    /// <summary>A whole number as people read it, the same in every culture: <c>2,592,000</c>.</summary>
    public static string Format(long value) => value.ToString("N0", Invariant);

    /// <summary>A number that may have a fraction, as people read it, the same in every culture: <c>2,592,000.5</c>.</summary>
    public static string Format(double value) => value.ToString("#,0.#######", Invariant);

    private static string Capitalize(string label) => char.ToUpperInvariant(label[0]) + label[1..];
}
