using Auth0ApiKit.Sync;
using Auth0ApiKit.Testing;

namespace Auth0ApiKit.Tests.Sync;

/// <summary>Checks a fake tenant against a desired state directly, without the sync's own comparison.</summary>
internal static class TenantState
{
    public static void ShouldMatch(FakeTenant tenant, DesiredState desired)
    {
        var system = tenant.Apis.System.Identifier;
        var apis = tenant.Apis.All.Where(a => !a.IsSystem).ToList();
        apis.Select(a => a.Identifier).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(desired.Apis.Select(a => a.Identifier));
        foreach (var wanted in desired.Apis)
        {
            var actual = apis.Single(a => a.Identifier == wanted.Identifier).Definition;
            var because = $"the API {wanted.Identifier} is as desired";
            actual.Name.Should().Be(wanted.Name ?? actual.Name, because);
            actual.EffectiveSigningAlgorithm.Should().Be(wanted.SigningAlgorithm ?? actual.EffectiveSigningAlgorithm, because);
            actual.EffectiveTokenLifetime.Should().Be(wanted.TokenLifetime ?? actual.EffectiveTokenLifetime, because);
            (actual.AllowOfflineAccess ?? false).Should().Be(wanted.AllowOfflineAccess ?? actual.AllowOfflineAccess ?? false, because);
            if (wanted.Scopes is not null)
            {
                actual.Scopes.Should().BeEquivalentTo(wanted.Scopes, because);
            }
        }

        var names = tenant.Applications.All.ToLookup(a => a.Name, a => a.ClientId);
        var expected = desired.Authorizations.Select(a =>
            (a.Application.ClientId ?? names[a.Application.Name!].Single(), a.ApiIdentifier, Sorted(a.Scopes)));
        tenant.Authorizations.All.Where(a => a.ApiIdentifier != system)
            .Select(a => (a.ClientId, a.ApiIdentifier, Sorted(a.Scopes)))
            .Should().OnlyHaveUniqueItems().And.BeEquivalentTo(expected);
    }

    private static string Sorted(IEnumerable<string> scopes) => string.Join(' ', scopes.Order(StringComparer.Ordinal));
}
