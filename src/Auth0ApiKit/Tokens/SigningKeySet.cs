using System.Buffers;
using System.Text;
using System.Text.Json;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// A tenant's RS256 signing keys as Auth0 keeps them: the current key, which signs new tokens, and during a
/// rotation the previous key, which no longer signs but stays published so that tokens it signed keep validating
/// until it is revoked. Both are in <see cref="ToJwksJson"/>.
/// </summary>
/// <remarks>
/// Thread-safe: readers see the keys before or after a change, never half of one. The set does not own its keys:
/// the caller disposes a key once the set no longer lists it and no token is being signed with it.
/// </remarks>
internal sealed class SigningKeySet
{
    private readonly Lock _gate = new();
    private State? _state;
    private Func<TenantSigningKey>? _firstKey;

    /// <summary>Creates an empty set: RS256 tokens cannot be issued until a key is added with <see cref="Rotate(TenantSigningKey)"/>.</summary>
    public SigningKeySet() => _state = new State(null, null);

    /// <summary>Creates a set with a current key and, optionally, a previous key that is still published.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="current"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Both keys have the same key id.</exception>
    public SigningKeySet(TenantSigningKey current, TenantSigningKey? previous = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        CheckDistinct(current, previous, nameof(previous));
        _state = new State(current, previous);
    }

    /// <summary>
    /// Creates a set whose first key is made by <paramref name="firstKey"/> when the set is first read or changed, never
    /// before: a tenant that issues no RS256 token and serves no JWKS does no RSA work at all.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="firstKey"/> is <see langword="null"/>.</exception>
    public SigningKeySet(Func<TenantSigningKey> firstKey)
    {
        ArgumentNullException.ThrowIfNull(firstKey);
        _firstKey = firstKey;
    }

    /// <summary>The key that signs new tokens, or <see langword="null"/> while the set is empty.</summary>
    public TenantSigningKey? Current => CurrentState.Current;

    /// <summary>The key that signed tokens before the last rotation and is still published, or <see langword="null"/>.</summary>
    public TenantSigningKey? Previous => CurrentState.Previous;

    /// <summary>The published keys: the current one first, then the previous one.</summary>
    public IReadOnlyList<TenantSigningKey> PublishedKeys => CurrentState.Published;

    /// <summary>
    /// Makes <paramref name="next"/> the current key; the current key becomes the previous one and stays published.
    /// </summary>
    /// <returns>The key that is no longer published (the former previous key), or <see langword="null"/>; the caller may dispose it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="next"/> has the key id of the current key.</exception>
    public TenantSigningKey? Rotate(TenantSigningKey next)
    {
        ArgumentNullException.ThrowIfNull(next);
        _ = CurrentState;
        lock (_gate)
        {
            var state = _state!;
            CheckDistinct(next, state.Current, nameof(next));
            var dropped = ReferenceEquals(state.Previous, next) ? null : state.Previous;
            Volatile.Write(ref _state, new State(next, state.Current));
            return dropped;
        }
    }

    /// <summary>Stops publishing the previous key, so that the tokens it signed no longer validate once validators refresh their JWKS.</summary>
    /// <returns>The revoked key, or <see langword="null"/> when there was none; the caller may dispose it.</returns>
    public TenantSigningKey? Revoke()
    {
        _ = CurrentState;
        lock (_gate)
        {
            var state = _state!;
            Volatile.Write(ref _state, new State(state.Current, null));
            return state.Previous;
        }
    }

    /// <summary>The published key with this key id, or <see langword="null"/>.</summary>
    public TenantSigningKey? Find(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return PublishedKeys.FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));
    }

    /// <summary>The tenant's JSON Web Key Set as <c>/.well-known/jwks.json</c> serves it: <c>{"keys":[current, previous]}</c>.</summary>
    public string ToJwksJson() => CurrentState.Jwks;

    /// <summary>Lists the published key ids; never makes a lazy set's first key (a debugger or a log line must not generate one).</summary>
    public override string ToString() => Volatile.Read(ref _state) is not { } state
        ? "Signing keys: first key not made yet"
        : "Signing keys: " + (state.Published.Count == 0 ? "none" : string.Join(", ", state.Published.Select(k => k.KeyId)));

    private State CurrentState => Volatile.Read(ref _state) ?? MakeFirstState();

    private State MakeFirstState()
    {
        lock (_gate)
        {
            if (_state is null)
            {
                Volatile.Write(ref _state, new State(_firstKey!(), null));
                _firstKey = null;
            }

            return _state;
        }
    }

    private static void CheckDistinct(TenantSigningKey key, TenantSigningKey? other, string paramName)
    {
        if (other is not null && string.Equals(key.KeyId, other.KeyId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Two published keys cannot share the key id '{key.KeyId}'.", paramName);
        }
    }

    private sealed class State
    {
        private readonly Lazy<string> _jwks;

        public State(TenantSigningKey? current, TenantSigningKey? previous)
        {
            Current = current;
            Previous = previous;
            Published = [.. new[] { current, previous }.OfType<TenantSigningKey>()];
            _jwks = new Lazy<string>(WriteJwks);
        }

        public TenantSigningKey? Current { get; }

        public TenantSigningKey? Previous { get; }

        public IReadOnlyList<TenantSigningKey> Published { get; }

        public string Jwks => _jwks.Value;

        private string WriteJwks()
        {
            var json = new ArrayBufferWriter<byte>(4096);
            using (var writer = new Utf8JsonWriter(json, TokenJson.WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteStartArray(JsonWebKeyFields.Keys);
                foreach (var key in Published)
                {
                    writer.WriteRawValue(key.ToPublicJwkJson(), skipInputValidation: true);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(json.WrittenSpan);
        }
    }
}
