namespace Auth0ApiKit.Wire.Schema;

/// <summary>
/// Where a value sits in a body, as Auth0's errors name it (<c>scopes[2].value</c>); the text is built only when a
/// mistake or a deeper level needs it, so a body that fits costs no strings.
/// </summary>
internal readonly struct WirePath
{
    private readonly string? _parent;
    private readonly string? _name;
    private readonly int _index;

    private WirePath(string? parent, string? name, int index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    /// <summary>The body itself.</summary>
    public static WirePath Root => default;

    public bool IsRoot => _parent is null && _name is null && _index == 0;

    public WirePath Property(string name) => new(IsRoot ? null : ToString(), name, 0);

    public WirePath Item(int index) => new(ToString(), null, index + 1);

    /// <summary>The path text, or null for the root.</summary>
    public override string? ToString() => IsRoot ? null
        : _name is not null ? (_parent is null ? _name : $"{_parent}.{_name}")
        : $"{_parent}[{_index - 1}]";
}
