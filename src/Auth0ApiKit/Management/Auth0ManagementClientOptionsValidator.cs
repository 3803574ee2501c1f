using System.ComponentModel.DataAnnotations;
using Auth0ApiKit.Tokens;
using Microsoft.Extensions.Options;

namespace Auth0ApiKit.Management;

/// <summary>
/// Checks <see cref="Auth0ManagementClientOptions"/>: its data annotations and its <see cref="IValidatableObject"/>
/// rules, through code generated at compile time (no reflection). The one source of the options' rules, used by
/// <see cref="Auth0ManagementClientOptions.Validate"/> and, at host start, by <c>AddAuth0ApiKit</c>.
/// </summary>
[OptionsValidator]
internal sealed partial class Auth0ManagementClientOptionsValidator : IValidateOptions<Auth0ManagementClientOptions>
{
    /// <summary>A shared instance; the validator keeps no state.</summary>
    public static Auth0ManagementClientOptionsValidator Instance { get; } = new();
}

/// <summary>A tenant domain, such as <c>dev-abc.us.auth0.com</c>: a host name without a scheme or path (as <see cref="TenantUrls.ForDomain"/> takes it).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TenantDomainAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        Result(value is string { Length: > 0 } domain ? TenantUrls.DomainProblem(domain) : null, validationContext);

    internal static ValidationResult? Result(string? problem, ValidationContext context) =>
        problem is null ? ValidationResult.Success
            : new ValidationResult(problem, context.MemberName is { } member ? [member] : null);
}

/// <summary>A tenant issuer, such as <c>https://dev-abc.us.auth0.com/</c> (as <see cref="TenantUrls.ForIssuer"/> takes it).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TenantIssuerAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        TenantDomainAttribute.Result(value is string { Length: > 0 } issuer ? TenantUrls.IssuerProblem(issuer) : null, validationContext);
}

/// <summary>An absolute <c>https</c> URL, or plain <c>http</c> on a loopback host only: tokens and secrets travel to it.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AbsoluteHttpUrlAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        TenantDomainAttribute.Result(
            value is Uri uri && !(uri.IsAbsoluteUri && TenantUrls.IsHttpsOrLoopbackHttp(uri))
                ? "It must be an absolute https URL (plain http only on a loopback host): tokens and secrets are sent to it."
                : null,
            validationContext);
}
