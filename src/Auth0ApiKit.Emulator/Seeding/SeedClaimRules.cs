using System.Text.Json;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Testing.Actions;

namespace Auth0ApiKit.Emulator.Seeding;

/// <summary>
/// The seed file's static claim rules, keyed by client id, user id and role name, applied through the tenant's Actions:
/// a credentials-exchange Action sets an application's claims; a post-login Action sets the application's, then each
/// role's, then the user's (a later rule wins over an earlier one for the same name). Claims go to access tokens.
/// </summary>
internal sealed class SeedClaimRules
{
    private SeedClaimRules(
        IReadOnlyDictionary<string, Dictionary<string, JsonElement>> applications,
        IReadOnlyDictionary<string, Dictionary<string, JsonElement>> users,
        IReadOnlyDictionary<string, Dictionary<string, JsonElement>> roles)
    {
        Applications = applications;
        Users = users;
        Roles = roles;
    }

    /// <summary>The claims of each application, by client id.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, JsonElement>> Applications { get; }

    /// <summary>The claims of each user, by user id.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, JsonElement>> Users { get; }

    /// <summary>The claims of each role, by role name.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, JsonElement>> Roles { get; }

    /// <summary>
    /// Checks the section: every application key names one seeded application (by name or client id), and no claim
    /// name is one Auth0 would leave out of every token.
    /// </summary>
    /// <exception cref="EmulatorConfigurationException">A key names no application, or a claim name is restricted.</exception>
    public static SeedClaimRules Resolve(SeedClaims seed, IReadOnlyList<PlannedApplication> applications)
    {
        var byClientId = new Dictionary<string, Dictionary<string, JsonElement>>(StringComparer.Ordinal);
        foreach (var (key, claims) in seed.Applications)
        {
            var matches = applications.Where(a => a.ClientId == key || a.Definition.Name == key).ToList();
            var application = matches.Count switch
            {
                1 => matches[0],
                0 => throw new EmulatorConfigurationException(
                    $"{seed.Source}.applications['{key}']: no seeded application has the name or client id '{key}'."),
                _ => throw new EmulatorConfigurationException(
                    $"{seed.Source}.applications['{key}']: several seeded applications are named '{key}'; use the client id."),
            };
            byClientId[application.ClientId] = Checked(claims, $"{seed.Source}.applications['{key}']");
        }

        return new SeedClaimRules(byClientId,
            seed.Users.ToDictionary(u => u.Key, u => Checked(u.Value, $"{seed.Source}.users['{u.Key}']"), StringComparer.Ordinal),
            seed.Roles.ToDictionary(r => r.Key, r => Checked(r.Value, $"{seed.Source}.roles['{r.Key}']"), StringComparer.Ordinal));
    }

    /// <summary>Adds the Actions that apply the rules to a fresh tenant.</summary>
    public void Register(FakeTenant tenant)
    {
        if (Applications.Count > 0)
        {
            tenant.Actions.OnCredentialsExchange((e, api) => Set(api.AccessToken, Applications.GetValueOrDefault(e.Client.ClientId)));
        }

        if (Applications.Count + Users.Count + Roles.Count > 0)
        {
            tenant.Actions.OnPostLogin((e, api) =>
            {
                Set(api.AccessToken, Applications.GetValueOrDefault(e.Client.ClientId));
                foreach (var role in e.Authorization.Roles)
                {
                    Set(api.AccessToken, Roles.GetValueOrDefault(role));
                }

                Set(api.AccessToken, Users.GetValueOrDefault(e.User.UserId));
            });
        }
    }

    private static void Set(ActionTokenClaims token, Dictionary<string, JsonElement>? claims)
    {
        foreach (var (name, value) in claims ?? [])
        {
            token.SetCustomClaim(name, value);
        }
    }

    /// <summary>The claims, when none has an empty or restricted name.</summary>
    private static Dictionary<string, JsonElement> Checked(Dictionary<string, JsonElement> claims, string source)
    {
        foreach (var name in claims.Keys)
        {
            if (name.Length == 0)
            {
                throw new EmulatorConfigurationException($"{source}: a claim name is empty.");
            }

            if (CustomClaimRules.IsRestricted(name))
            {
                throw new EmulatorConfigurationException(
                    $"{source}: '{name}' is a claim Auth0 restricts and leaves out of tokens; use a namespaced name such as 'https://example.com/{name}'.");
            }
        }

        return claims;
    }
}
