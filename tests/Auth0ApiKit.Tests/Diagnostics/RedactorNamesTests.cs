using System.Reflection;
using Auth0ApiKit.Diagnostics;

namespace Auth0ApiKit.Tests.Diagnostics;

/// <summary>The patterns for escaped names cover exactly the secret fields <see cref="Redactor.IsSecretField"/> knows.</summary>
public sealed class RedactorNamesTests
{
    public static TheoryData<string> SecretFields()
    {
        var list = (string)typeof(Redactor).GetField("SecretFields", BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;
        var data = new TheoryData<string>();
        foreach (var name in list.Split('|'))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SecretFields))]
    public void Every_secret_field_is_redacted_also_under_an_escaped_underscore(string name)
    {
        Redactor.IsSecretField(name).Should().BeTrue();
        foreach (var spelling in new[] { name, name.Replace("_", "%5F", StringComparison.Ordinal), name.Replace("_", "\\u005f", StringComparison.Ordinal) })
        {
            Redactor.Redact($"{spelling}=hunter2-value&x=1").Should().Be($"{spelling}=***&x=1");
            Redactor.Redact($"{{\"{spelling}\":\"hunter2-value\"}}").Should().Be($"{{\"{spelling}\":\"***\"}}");
            Redactor.Redact($"<{spelling}>hunter2-value</{spelling}>").Should().NotContain("hunter2");
        }
    }
}
