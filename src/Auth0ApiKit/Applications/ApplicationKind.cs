namespace Auth0ApiKit.Applications;

/// <summary>
/// The kind of an application (Auth0's <c>app_type</c>). Kinds a tenant may return that the SDK does not know
/// are kept as they are.
/// </summary>
public readonly record struct ApplicationKind
{
    private readonly string? _value;

    /// <summary>Wraps a kind as Auth0 spells it (<c>non_interactive</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public ApplicationKind(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    private static readonly IReadOnlyList<GrantType> MachineToMachineGrants = [GrantType.ClientCredentials];
    private static readonly IReadOnlyList<GrantType> RegularWebGrants =
        [GrantType.AuthorizationCode, GrantType.Implicit, GrantType.RefreshToken, GrantType.ClientCredentials];
    private static readonly IReadOnlyList<GrantType> PublicClientGrants = [GrantType.AuthorizationCode, GrantType.Implicit, GrantType.RefreshToken];

    /// <summary>A server-rendered web application (<c>regular_web</c>): a confidential client.</summary>
    public static ApplicationKind RegularWeb { get; } = new("regular_web");

    /// <summary>A machine-to-machine application (<c>non_interactive</c>): a service calling APIs as itself.</summary>
    public static ApplicationKind MachineToMachine { get; } = new("non_interactive");

    /// <summary>A single-page application (<c>spa</c>): a public client.</summary>
    public static ApplicationKind SinglePage { get; } = new("spa");

    /// <summary>A native or mobile application (<c>native</c>): a public client.</summary>
    public static ApplicationKind Native { get; } = new("native");

    /// <summary>The kind as Auth0 spells it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether the SDK knows this kind.</summary>
    public bool IsKnown => KnownValues.Contains(Value, StringComparer.Ordinal);

    /// <summary>The kinds the SDK knows, as Auth0 spells them: the one list the builder and the fake tenant check against.</summary>
    internal static IReadOnlyList<string> KnownValues { get; } =
        [RegularWeb.Value, MachineToMachine.Value, SinglePage.Value, Native.Value];

    /// <summary>Whether applications of this kind are public clients that hold no secret (single-page and native).</summary>
    public bool IsPublicClient => this == SinglePage || this == Native;

    /// <summary>
    /// The grant types Auth0 enables for a new application of this kind: client credentials for regular web and
    /// machine-to-machine applications, never for single-page and native ones.
    /// </summary>
    public IReadOnlyList<GrantType> DefaultGrantTypes =>
        this == MachineToMachine ? MachineToMachineGrants
        : this == RegularWeb ? RegularWebGrants
        : IsPublicClient ? PublicClientGrants
        : [];

    /// <summary>The kind in the dashboard's words (<c>machine-to-machine</c>), for messages; an unknown kind as Auth0 spells it.</summary>
    internal string DisplayName =>
        this == RegularWeb ? "regular web"
        : this == MachineToMachine ? "machine-to-machine"
        : this == SinglePage ? "single-page"
        : this == Native ? "native"
        : $"'{Value}'";

    /// <summary>Converts a kind name.</summary>
    public static implicit operator ApplicationKind(string value) => new(value);

    /// <summary>Converts a kind name.</summary>
    public static ApplicationKind FromString(string value) => new(value);

    /// <summary>The kind as Auth0 spells it.</summary>
    public override string ToString() => Value;
}
