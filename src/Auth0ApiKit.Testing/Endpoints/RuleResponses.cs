using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>Turns the first broken server rule into the response Auth0 gives for it.</summary>
internal static class RuleResponses
{
    public static FakeResponse? FirstOrNull(List<ValidationError> errors)
    {
        if (errors.Count == 0)
        {
            return null;
        }

        var error = errors[0];
        var detail = error.SchemaDetail ?? error.Message;
        return error.Rule switch
        {
            RuleCodes.NotAboveOtherField => ManagementErrors.Error(400, detail, "invalid_body"),
            RuleCodes.Required when detail.StartsWith("Missing required property", StringComparison.Ordinal) => ManagementErrors.InvalidBody(detail),
            _ => ManagementErrors.InvalidBody(detail, error.Path),
        };
    }
}
