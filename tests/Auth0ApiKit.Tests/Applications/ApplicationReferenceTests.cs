using Auth0ApiKit.Applications;

namespace Auth0ApiKit.Tests.Applications;

public class ApplicationReferenceTests
{
    [Fact]
    public void Refers_by_client_id()
    {
        var reference = ApplicationReference.ByClientId("abc123");

        reference.ClientId.Should().Be("abc123");
        reference.Name.Should().BeNull();
        reference.Definition.Should().BeNull();
        reference.ToString().Should().Be("client id abc123");
    }

    [Fact]
    public void Refers_by_name()
    {
        var reference = ApplicationReference.ByName("billing-worker");

        reference.ClientId.Should().BeNull();
        reference.Name.Should().Be("billing-worker");
        reference.ToString().Should().Be("application 'billing-worker'");
    }

    [Fact]
    public void Refers_to_a_definition_by_its_name_and_keeps_it()
    {
        var worker = Application.Define("billing-worker", ApplicationKind.MachineToMachine).Build();

        ApplicationReference reference = worker;

        reference.Name.Should().Be("billing-worker");
        reference.Definition.Should().BeSameAs(worker);
        reference.Should().Be(ApplicationReference.To(worker));
        reference.Should().NotBe(ApplicationReference.ByName("billing-worker"), "only one of them can check grant types");
    }

    [Fact]
    public void References_are_equal_by_value()
    {
        ApplicationReference.ByClientId("a").Should().Be(ApplicationReference.ByClientId("a"));
        ApplicationReference.ByClientId("a").Should().NotBe(ApplicationReference.ByClientId("b"));
        ApplicationReference.ByClientId("a").Should().NotBe(ApplicationReference.ByName("a"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_ids_and_names_are_refused(string blank)
    {
        FluentActions.Invoking(() => ApplicationReference.ByClientId(blank)).Should().Throw<ArgumentException>().WithParameterName("clientId");
        FluentActions.Invoking(() => ApplicationReference.ByName(blank)).Should().Throw<ArgumentException>().WithParameterName("name");
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        FluentActions.Invoking(() => ApplicationReference.ByClientId(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ApplicationReference.ByName(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ApplicationReference.To(null!)).Should().Throw<ArgumentNullException>();
    }
}
