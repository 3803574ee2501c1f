using System.Globalization;
using System.Text;
using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Sync;

/// <summary>
/// Writes a <see cref="TenantExport"/> as C# source: one property per API, built with <c>Api.Define(...)</c>, and the
/// desired state with its authorizations and roles.
/// </summary>
internal static class CSharpExport
{
    private const string StateProperty = "Desired";
    private const string Indent = "    ";
    private const string Continued = "        ";

    private static readonly Dictionary<TokenDialect, string> Dialects = new()
    {
        [TokenDialect.AccessToken] = nameof(TokenDialect.AccessToken),
        [TokenDialect.AccessTokenAuthz] = nameof(TokenDialect.AccessTokenAuthz),
        [TokenDialect.Rfc9068Profile] = nameof(TokenDialect.Rfc9068Profile),
        [TokenDialect.Rfc9068ProfileAuthz] = nameof(TokenDialect.Rfc9068ProfileAuthz),
    };

    /// <summary>The builder call for each setting the definition sets, in the builder's order; the scopes follow apart.</summary>
    private static readonly Func<ApiDefinition, string?>[] Settings =
    [
        a => a.SigningAlgorithm is { } algorithm
            ? $".SignedWith(SigningAlgorithm.{(algorithm == SigningAlgorithm.HS256 ? nameof(SigningAlgorithm.HS256) : nameof(SigningAlgorithm.RS256))})"
            : null,
        a => a.TokenLifetime is { } lifetime ? $".TokensExpireAfter(TimeSpan.FromSeconds({Seconds(lifetime)}))" : null,
        a => a.WebTokenLifetime is { } lifetime ? $".WebTokensExpireAfter(TimeSpan.FromSeconds({Seconds(lifetime)}))" : null,
        a => a.AllowSkippingUserConsent is { } skip ? $".AllowSkippingUserConsent({Flag(skip)})" : null,
        a => a.AllowOfflineAccess is { } offline ? $".AllowOfflineAccess({Flag(offline)})" : null,
        a => a.EnforcePolicies is { } enforce ? $".EnforcePolicies({Flag(enforce)})" : null,
        a => a.TokenDialect is { } dialect ? $".WithTokenDialect(TokenDialect.{Dialects[dialect]})" : null,
    ];

    public static string Write(TenantExport export, string className, string? namespaceName)
    {
        CheckName(className, nameof(className), dotted: false);
        if (namespaceName is not null)
        {
            CheckName(namespaceName, nameof(namespaceName), dotted: true);
        }

        var state = export.DesiredState;
        var names = PropertyNames(state.Apis, className);
        var code = new StringBuilder();
        code.AppendLine("// Exported by Auth0ApiKit from a tenant's APIs and authorizations: keep it as the desired state of a sync.")
            .AppendLine("// Signing secrets are never exported: an HS256 API keeps the secret it has until one is set here.");
        foreach (var omission in export.Omissions)
        {
            code.Append("// Note: ").AppendLine(Comment(omission));
        }

        code.AppendLine("using System;")
            .AppendLine("using Auth0ApiKit.Apis;")
            .AppendLine("using Auth0ApiKit.Applications;");
        if (state.ManagesRoles)
        {
            code.AppendLine("using Auth0ApiKit.Roles;");
        }

        code.AppendLine("using Auth0ApiKit.Sync;")
            .AppendLine();
        if (namespaceName is not null)
        {
            code.Append("namespace ").Append(namespaceName).AppendLine(";").AppendLine();
        }

        code.AppendLine(state.ManagesRoles
                ? "/// <summary>The APIs, authorizations and roles of the tenant, as exported.</summary>"
                : "/// <summary>The APIs and authorizations of the tenant, as exported.</summary>")
            .Append("public static class ").AppendLine(className)
            .AppendLine("{");
        for (var i = 0; i < state.Apis.Count; i++)
        {
            WriteApi(code, state.Apis[i], names[state.Apis[i].Identifier]);
        }

        code.Append(Indent).AppendLine("/// <summary>Every API above and its authorizations.</summary>")
            .Append(Indent).Append("public static DesiredState ").Append(StateProperty).AppendLine(" { get; } = DesiredState.Create()");
        foreach (var api in state.Apis)
        {
            code.Append(Continued).Append(".WithApi(").Append(names[api.Identifier]).AppendLine(")");
        }

        foreach (var authorization in state.Authorizations)
        {
            var clientId = authorization.Application.ClientId!;
            code.Append(Continued).Append(".WithAuthorization(Authorization.For(").Append(names[authorization.ApiIdentifier])
                .Append(", ApplicationReference.ByClientId(").Append(Literals.Quote(clientId)).Append("))");
            if (export.ApplicationNames.TryGetValue(clientId, out var applicationName))
            {
                code.Append(" // ").Append(Comment(applicationName));
            }

            code.AppendLine();
            foreach (var scope in authorization.Scopes)
            {
                code.Append(Continued).Append(Indent).Append(".WithScope(").Append(Literals.Quote(scope)).AppendLine(")");
            }

            code.Append(Continued).Append(Indent).AppendLine(".Build())");
        }

        WriteRoles(code, state, names);
        code.Append(Continued).AppendLine(".Build();").AppendLine("}");
        return code.ToString();
    }

    /// <summary>Each role as <c>.WithRole(Role.Define(...)...Build())</c> naming the API properties; <c>.WithRoles([])</c> when roles are managed but none exist.</summary>
    private static void WriteRoles(StringBuilder code, DesiredState state, Dictionary<string, string> names)
    {
        if (state.ManagesRoles && state.Roles.Count == 0)
        {
            code.Append(Continued).AppendLine(".WithRoles([])");
        }

        foreach (var role in state.Roles)
        {
            code.Append(Continued).Append(".WithRole(Role.Define(").Append(Literals.Quote(role.Name)).AppendLine(")");
            if (role.Description is not null)
            {
                code.Append(Continued).Append(Indent).Append(".WithDescription(").Append(Literals.Quote(role.Description)).AppendLine(")");
            }

            foreach (var permission in role.Permissions)
            {
                code.Append(Continued).Append(Indent).Append(".WithPermission(").Append(names[permission.ApiIdentifier])
                    .Append(", ").Append(Literals.Quote(permission.Name)).AppendLine(")");
            }

            code.Append(Continued).Append(Indent).AppendLine(".Build())");
        }
    }

    private static void WriteApi(StringBuilder code, ApiDefinition api, string property)
    {
        code.Append(Indent).Append("/// <summary>").Append(XmlText(api.Name ?? api.Identifier)).AppendLine(".</summary>");
        if (api.EffectiveSigningAlgorithm == SigningAlgorithm.HS256)
        {
            code.Append(Indent).AppendLine("// HS256: its signing secret is not exported; the API keeps the one it has.");
        }

        code.Append(Indent).Append("public static ApiDefinition ").Append(property).Append(" { get; } = ")
            .AppendLine(api.Name is null ? "Api.WithIdentifier(" + Literals.Quote(api.Identifier) + ")" : "Api.Define(" + Literals.Quote(api.Name) + ")");
        void Call(string call) => code.Append(Continued).AppendLine(call);
        if (api.Name is not null)
        {
            Call($".WithIdentifier({Literals.Quote(api.Identifier)})");
        }

        foreach (var setting in Settings)
        {
            if (setting(api) is { } call)
            {
                Call(call);
            }
        }

        if (api.Scopes is { Count: 0 })
        {
            Call(".WithNoScopes()");
        }

        foreach (var scope in api.Scopes ?? [])
        {
            Call(scope.Description is null
                ? $".WithScope({Literals.Quote(scope.Value)})"
                : $".WithScope({Literals.Quote(scope.Value)}, {Literals.Quote(scope.Description)})");
        }

        foreach (var (name, json) in api.Auth0Properties)
        {
            Call($".WithAuth0Property({Literals.Quote(name)}, {Literals.Quote(json)})");
        }

        Call(".Build();");
        code.AppendLine();
    }

    /// <summary>A PascalCase property name per API from its name (else its identifier), unique within the class.</summary>
    private static Dictionary<string, string> PropertyNames(IReadOnlyList<ApiDefinition> apis, string className)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { StateProperty, className };
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var api in apis)
        {
            var source = api.Name ?? api.Identifier.Replace("https://", string.Empty, StringComparison.OrdinalIgnoreCase);
            var name = new StringBuilder();
            var wordStart = true;
            foreach (var c in source)
            {
                if (char.IsLetterOrDigit(c))
                {
                    name.Append(wordStart ? char.ToUpperInvariant(c) : c);
                }

                wordStart = !char.IsLetterOrDigit(c);
            }

            if (name.Length == 0 || !char.IsLetter(name[0]))
            {
                name.Insert(0, "Api");
            }

            var unique = name.ToString();
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = name.ToString() + n.ToString(CultureInfo.InvariantCulture);
            }

            names[api.Identifier] = unique;
        }

        return names;
    }

    private static void CheckName(string name, string parameter, bool dotted)
    {
        ArgumentNullException.ThrowIfNull(name, parameter);
        var parts = dotted ? name.Split('.') : [name];
        if (parts.Any(p => p.Length == 0 || !(char.IsLetter(p[0]) || p[0] == '_') || !p.All(c => char.IsLetterOrDigit(c) || c == '_')))
        {
            throw new ArgumentException($"'{name}' is not a valid C# {(dotted ? "namespace" : "identifier")}.", parameter);
        }
    }

    private static string Seconds(TimeSpan duration) => ((long)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "true" : "false";

    /// <summary>Text for a line comment: control characters (a line break would end the comment) become spaces.</summary>
    private static string Comment(string text) => new([.. text.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c)]);

    private static string XmlText(string text) => Comment(text).Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
