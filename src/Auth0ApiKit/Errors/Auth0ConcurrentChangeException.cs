namespace Auth0ApiKit;

/// <summary>
/// Someone else changed an object in the tenant between the SDK's read and its write: the scopes of an API that
/// another writer replaced while <c>AddScopesAsync</c>, <c>RemoveScopesAsync</c> or <c>ReplaceScopesAsync</c> wrote
/// them, or an object that no longer is as a sync plan saw it when the plan is applied. Read the object again (or make
/// a new plan) and retry. Auth0 has no ETags, so the SDK detects this itself by reading back; there is no answer
/// behind it and <see cref="Auth0Exception.StatusCode"/> is <see langword="null"/>. A 409 answer of Auth0 (the
/// thing to create exists already) is an <see cref="Auth0ConflictException"/>.
/// </summary>
public sealed class Auth0ConcurrentChangeException : Auth0Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public Auth0ConcurrentChangeException() : this("Someone else changed the object between its read and its write; read it again and retry.") { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What changed, in words; it must not contain secrets.</param>
    public Auth0ConcurrentChangeException(string message) : this(string.Empty, message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What changed, in words; it must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public Auth0ConcurrentChangeException(string message, Exception innerException) : base(message, innerException) => Target = string.Empty;

    /// <summary>Creates the exception for the object <paramref name="target"/>.</summary>
    /// <param name="target">The object that changed, such as <c>api https://orders.example.com</c>.</param>
    /// <param name="message">What changed, in words; it must not contain secrets.</param>
    public Auth0ConcurrentChangeException(string target, string message) : base(message)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
    }

    /// <summary>
    /// The object that changed, as sync plans name it: <c>api {identifier}</c> or
    /// <c>authorization {name} (client {client id}) -> {identifier}</c>; empty when not known.
    /// </summary>
    public string Target { get; }
}
