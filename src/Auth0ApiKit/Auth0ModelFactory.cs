using System.Security.Cryptography;
using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Management;
using Auth0ApiKit.Roles;
using Auth0ApiKit.Sync;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit;

/// <summary>
/// Builds the SDK's read models for tests: the values an <see cref="IAuth0ManagementClient"/> mock returns, or an
/// <see cref="IProgress{T}"/> of <see cref="Sync.SyncProgress"/> is fed. The models themselves have no public
/// constructors, so that the SDK can add members to them without breaking anyone. Ids left out are generated in
/// Auth0's shapes.
/// </summary>
public static class Auth0ModelFactory
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>An API as a tenant holds it.</summary>
    /// <param name="definition">Its settings.</param>
    /// <param name="id">Its id; 24 random hex characters when left out.</param>
    /// <param name="isSystem">Whether it is a system API (the Auth0 Management API).</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    public static TenantApi TenantApi(ApiDefinition definition, string? id = null, bool isSystem = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new(id ?? RandomNumberGenerator.GetHexString(24, lowercase: true), isSystem, definition);
    }

    /// <summary>An application as a tenant holds it.</summary>
    /// <param name="definition">Its settings.</param>
    /// <param name="clientId">Its client id; 32 random letters and digits when left out.</param>
    /// <param name="clientSecret">Its secret, or <see langword="null"/> as when read without <c>read:client_keys</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    public static TenantApplication TenantApplication(ApplicationDefinition definition, string? clientId = null, Secret? clientSecret = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new(clientId ?? RandomNumberGenerator.GetString(Alphanumerics, 32), definition, clientSecret);
    }

    /// <summary>An application's authorization for an API as a tenant holds it.</summary>
    /// <param name="clientId">The authorized application.</param>
    /// <param name="apiIdentifier">The API's identifier.</param>
    /// <param name="scopes">The granted scopes; none when left out.</param>
    /// <param name="id">The grant's id; <c>cgr_</c> and 16 random letters and digits when left out.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clientId"/> or <paramref name="apiIdentifier"/> is <see langword="null"/>.</exception>
    public static TenantAuthorization TenantAuthorization(string clientId, string apiIdentifier, IEnumerable<string>? scopes = null, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(apiIdentifier);
        return new(id ?? "cgr_" + RandomNumberGenerator.GetString(Alphanumerics, 16), clientId, apiIdentifier, [.. scopes ?? []]);
    }

    /// <summary>A role as a tenant holds it.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="description">Its description; none when left out.</param>
    /// <param name="id">Its id; <c>rol_</c> and 16 random letters and digits when left out.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static TenantRole TenantRole(string name, string? description = null, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(id ?? "rol_" + RandomNumberGenerator.GetString(Alphanumerics, 16), name, description);
    }

    /// <summary>A permission as a tenant lists it for a role.</summary>
    /// <param name="permission">The API and the scope.</param>
    /// <param name="description">The scope's description.</param>
    /// <param name="apiName">The API's name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="permission"/> is <see langword="null"/>.</exception>
    public static TenantPermission TenantPermission(ApiPermission permission, string? description = null, string? apiName = null)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return new(permission, description, apiName);
    }

    /// <summary>A user who has a role, as Auth0 lists a role's users.</summary>
    /// <param name="userId">The user's id, such as <c>auth0|5f0c...</c>.</param>
    /// <param name="email">The user's email address.</param>
    /// <param name="name">The user's name.</param>
    /// <param name="picture">The URL of the user's picture.</param>
    /// <exception cref="ArgumentNullException"><paramref name="userId"/> is <see langword="null"/>.</exception>
    public static RoleMember RoleMember(string userId, string? email = null, string? name = null, string? picture = null)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return new(userId, email, name, picture);
    }

    /// <summary>A user as a tenant holds it.</summary>
    /// <param name="email">The user's email address.</param>
    /// <param name="userId">The user's id; <c>auth0|</c> and 24 random hex characters when left out.</param>
    /// <param name="emailVerified">Whether the email address is verified.</param>
    /// <param name="name">The user's full name; the email address when left out, as Auth0 defaults it.</param>
    /// <param name="nickname">The user's nickname; the email's local part when left out, as Auth0 defaults it.</param>
    /// <param name="picture">The URL of the user's picture.</param>
    /// <param name="createdAt">When the user was created.</param>
    /// <param name="appMetadata">The metadata the user cannot change.</param>
    /// <param name="userMetadata">The metadata the user may change.</param>
    /// <exception cref="ArgumentNullException"><paramref name="email"/> is <see langword="null"/>.</exception>
    public static TenantUser TenantUser(string email, string? userId = null, bool emailVerified = false, string? name = null, string? nickname = null,
        string? picture = null, DateTimeOffset? createdAt = null, JsonElement? appMetadata = null, JsonElement? userMetadata = null)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return new(userId ?? "auth0|" + RandomNumberGenerator.GetHexString(24, lowercase: true), email, emailVerified, name ?? email,
            nickname ?? (at > 0 ? email[..at] : email), picture, createdAt, createdAt, appMetadata?.Clone(), userMetadata?.Clone());
    }

    /// <summary>A permission as a tenant lists it for a user, with where it comes from.</summary>
    /// <param name="permission">The API and the scope.</param>
    /// <param name="sources">Where it comes from; assigned directly when left out.</param>
    /// <param name="description">The scope's description.</param>
    /// <param name="apiName">The API's name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="permission"/> or an item of <paramref name="sources"/> is <see langword="null"/>.</exception>
    public static UserPermission UserPermission(ApiPermission permission, IEnumerable<PermissionSource>? sources = null, string? description = null,
        string? apiName = null)
    {
        ArgumentNullException.ThrowIfNull(permission);
        PermissionSource[] list = [.. sources ?? [PermissionSource()]];
        foreach (var source in list)
        {
            ArgumentNullException.ThrowIfNull(source, nameof(sources));
        }

        return new(permission, description, apiName, list);
    }

    /// <summary>One source of a user's permission: the direct assignment, or the role given.</summary>
    /// <param name="role">The role that grants the permission; the direct assignment when left out.</param>
    public static PermissionSource PermissionSource(TenantRole? role = null) =>
        role is null ? new(PermissionSourceKind.Direct, null, null) : new(PermissionSourceKind.Role, role.Id, role.Name);

    /// <summary>One page of a list.</summary>
    /// <typeparam name="T">The items.</typeparam>
    /// <param name="items">The items of the page.</param>
    /// <param name="total">How many items there are in all; <paramref name="start"/> plus the page's items when left out.</param>
    /// <param name="start">The position of the page's first item, from 0.</param>
    /// <param name="limit">The page size asked for; the page's items when left out.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public static ResultPage<T> ResultPage<T>(IEnumerable<T> items, int? total = null, int start = 0, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        IReadOnlyList<T> list = [.. items];
        return new(list, total ?? start + list.Count, start, limit ?? list.Count);
    }

    /// <summary>A row of the "Machine to Machine Applications" view of an API.</summary>
    /// <param name="application">The application.</param>
    /// <param name="authorization">Its authorization for the API; none when left out.</param>
    /// <exception cref="ArgumentNullException"><paramref name="application"/> is <see langword="null"/>.</exception>
    public static MachineToMachineAccess MachineToMachineAccess(TenantApplication application, TenantAuthorization? authorization = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new(application, authorization);
    }

    /// <summary>A setting a plan sets or changes.</summary>
    /// <param name="field">Auth0's name of the setting, such as <c>token_lifetime</c>.</param>
    /// <param name="before">The value now.</param>
    /// <param name="after">The value it will have.</param>
    /// <param name="isSecret">Whether the setting is a secret (then it carries no values).</param>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    public static FieldChange FieldChange(string field, string? before = null, string? after = null, bool isSecret = false)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new(field, before, after, isSecret);
    }

    /// <summary>A scope a plan adds, re-describes or removes.</summary>
    /// <param name="kind"><see cref="ChangeKind.Create"/>, <see cref="ChangeKind.Update"/> or <see cref="ChangeKind.Delete"/>.</param>
    /// <param name="value">The scope.</param>
    /// <param name="beforeDescription">The description now.</param>
    /// <param name="afterDescription">The description it will have.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static ScopeChange ScopeChange(ChangeKind kind, string value, string? beforeDescription = null, string? afterDescription = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(kind, value, beforeDescription, afterDescription);
    }

    /// <summary>What a plan does to one API.</summary>
    /// <param name="kind">What the plan does.</param>
    /// <param name="identifier">The API's identifier.</param>
    /// <param name="before">The API as the plan saw it in the tenant; none for a creation.</param>
    /// <param name="desired">The desired definition; none for a deletion.</param>
    /// <param name="fields">The settings that are set or change.</param>
    /// <param name="scopes">The scopes added, re-described or removed.</param>
    /// <param name="reason">Why a replacement is needed.</param>
    /// <param name="isRefused">Whether the plan refuses the change.</param>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is <see langword="null"/>.</exception>
    public static ApiChange ApiChange(ChangeKind kind, string identifier, TenantApi? before = null, ApiDefinition? desired = null,
        IEnumerable<FieldChange>? fields = null, IEnumerable<ScopeChange>? scopes = null, string? reason = null, bool isRefused = false)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return new(kind, identifier, before, desired, [.. fields ?? []], [.. scopes ?? []], reason, isRefused);
    }

    /// <summary>What a plan does to one authorization of an application for an API.</summary>
    /// <param name="kind">What the plan does.</param>
    /// <param name="clientId">The application's client id.</param>
    /// <param name="apiIdentifier">The API's identifier.</param>
    /// <param name="scopes">The scopes it will grant; none for a deletion.</param>
    /// <param name="before">The authorization as the plan saw it in the tenant; none for a creation.</param>
    /// <param name="applicationName">The application's name, for people to read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clientId"/> or <paramref name="apiIdentifier"/> is <see langword="null"/>.</exception>
    public static AuthorizationChange AuthorizationChange(ChangeKind kind, string clientId, string apiIdentifier,
        IEnumerable<string>? scopes = null, TenantAuthorization? before = null, string? applicationName = null)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(apiIdentifier);
        return new(kind, clientId, applicationName, apiIdentifier, before, scopes is null ? null : [.. scopes]);
    }

    /// <summary>What a plan does to one role.</summary>
    /// <param name="kind">What the plan does.</param>
    /// <param name="name">The role's name.</param>
    /// <param name="before">The role as the plan saw it in the tenant; none for a creation.</param>
    /// <param name="beforePermissions">The managed permissions it granted then; none for a creation.</param>
    /// <param name="desired">The desired role; none for a deletion.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static RoleChange RoleChange(ChangeKind kind, string name, TenantRole? before = null, IEnumerable<ApiPermission>? beforePermissions = null,
        RoleDefinition? desired = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(kind, name, before, [.. beforePermissions ?? []], desired);
    }

    /// <summary>How one change of a plan ended.</summary>
    /// <param name="change">The change.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="error">Why it failed, for <see cref="SyncStepOutcome.Failed"/>.</param>
    /// <param name="skipReason">Why it was skipped, for <see cref="SyncStepOutcome.Skipped"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/>.</exception>
    public static SyncStepResult SyncStepResult(SyncChange change, SyncStepOutcome outcome = SyncStepOutcome.Applied, Exception? error = null,
        string? skipReason = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(change, outcome, error, skipReason);
    }

    /// <summary>The progress an apply reports after a change.</summary>
    /// <param name="step">The change and how it ended.</param>
    /// <param name="completed">How many changes have ended so far, this one included.</param>
    /// <param name="total">How many changes the apply carries out.</param>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> is <see langword="null"/>.</exception>
    public static SyncProgress SyncProgress(SyncStepResult step, int completed = 1, int total = 1)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(step, completed, total);
    }
    /// <summary>What <see cref="IApisClient.TestAsync"/> reports: the token an application got for an API, and whether the API accepts it.</summary>
    /// <param name="apiIdentifier">The API tested.</param>
    /// <param name="clientId">The application whose credentials were used.</param>
    /// <param name="token">The token issued; <see langword="null"/> when the token endpoint refused.</param>
    /// <param name="refusal">Why the test failed before validation, or <see langword="null"/>.</param>
    /// <param name="validationFailure">Why the API would reject the token, or <see langword="null"/> when it accepts it.</param>
    /// <param name="validationMessage">The validator's explanation of a rejection.</param>
    /// <param name="claims">The claims of an accepted token; none when left out.</param>
    /// <exception cref="ArgumentNullException"><paramref name="apiIdentifier"/> or <paramref name="clientId"/> is <see langword="null"/>.</exception>
    public static ApiTestReport ApiTestReport(string apiIdentifier, string clientId, AccessToken? token = null, string? refusal = null,
        AccessTokenValidationFailure? validationFailure = null, string? validationMessage = null, IReadOnlyDictionary<string, string>? claims = null)
    {
        ArgumentNullException.ThrowIfNull(apiIdentifier);
        ArgumentNullException.ThrowIfNull(clientId);
        return new(apiIdentifier, clientId, token, refusal, validationFailure, validationMessage,
            claims ?? new Dictionary<string, string>(StringComparer.Ordinal));
    }
}
