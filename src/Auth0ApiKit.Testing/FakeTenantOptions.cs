namespace Auth0ApiKit.Testing;

/// <summary>Settings of a <see cref="FakeTenant"/>. Every setting has a default that suits a unit test.</summary>
public sealed class FakeTenantOptions
{
    /// <summary>
    /// The tenant's logical domain, such as <c>dev-abc.us.auth0.com</c>: its issuer is <c>https://{domain}/</c>.
    /// By default each tenant gets a domain of its own (<c>fake-xxxxxxxx.auth0.test</c>), so tokens of one
    /// tenant never validate against another.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>
    /// An issuer that replaces <c>https://{domain}/</c>: an emulator on loopback uses its own URL
    /// (<c>http://127.0.0.1:5000/</c>) so that OpenID Connect clients discover it without tricks.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>The tenant's clock: token times, rate-limit windows and fault delays. The system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The seed of the ids the tenant hands out: the same seed gives the same ids. Random by default.</summary>
    public int? Seed { get; set; }

    /// <summary>How many requests the journal keeps; 1,000 by default.</summary>
    public int JournalCapacity { get; set; } = 1_000;

    /// <summary>
    /// The RSA key that signs RS256 tokens. By default tenants share one key made once per process (never a key
    /// shipped in the package), each under its own random <c>kid</c>, so that making a tenant costs microseconds.
    /// </summary>
    public FakeSigningKey? SigningKey { get; set; }

    /// <summary>The resource-server field table the tenant checks, defaults and merges with (a test may add a row).</summary>
    internal Wire.Schema.WireShape ResourceServerShape { get; set; } = Wire.ResourceServerTable.Shape;
}
