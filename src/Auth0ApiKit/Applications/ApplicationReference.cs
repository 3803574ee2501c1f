namespace Auth0ApiKit.Applications;

/// <summary>
/// Names the application of an authorization: by client id, by name (which must be unique in the tenant when
/// resolved), or by its definition (which also lets the SDK check its grant types).
/// </summary>
public sealed record ApplicationReference
{
    private ApplicationReference(string? clientId, string? name, ApplicationDefinition? definition)
    {
        ClientId = clientId;
        Name = name;
        Definition = definition;
    }

    /// <summary>The client id, when the reference is by client id.</summary>
    public string? ClientId { get; }

    /// <summary>The application's name, when the reference is by name or by definition.</summary>
    public string? Name { get; }

    /// <summary>The application's definition, when the reference was made from one.</summary>
    public ApplicationDefinition? Definition { get; }

    /// <summary>Refers to an application by its client id.</summary>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> is null, empty or white space.</exception>
    public static ApplicationReference ByClientId(string clientId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        return new(clientId, null, null);
    }

    /// <summary>Refers to an application by its name, which must be unique in the tenant when resolved.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static ApplicationReference ByName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(null, name, null);
    }

    /// <summary>Refers to a defined application by its name, keeping the definition for checks.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    public static ApplicationReference To(ApplicationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new(null, definition.Name, definition);
    }

    /// <summary>Refers to a defined application by its name, keeping the definition for checks.</summary>
    public static implicit operator ApplicationReference(ApplicationDefinition definition) => To(definition);

    /// <summary>How the application is referred to, such as <c>client id abc</c> or <c>application 'billing'</c>.</summary>
    public override string ToString() => ClientId is not null ? $"client id {ClientId}" : $"application '{Name}'";
}
