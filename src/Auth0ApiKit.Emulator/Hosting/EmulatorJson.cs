using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Auth0ApiKit.Emulator.Admin;
using Auth0ApiKit.Emulator.Seeding;

namespace Auth0ApiKit.Emulator;

/// <summary>
/// The source-generated JSON of the emulator's own documents (seed file, credentials, admin calls): camelCase (the
/// seed file's entries are Auth0's snake_case bodies, see <see cref="SeedFileReader"/>), strict about unknown
/// properties so that typos show, lenient about comments and trailing commas.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(SeedAuthorization))]
[JsonSerializable(typeof(SeedManagementApplication))]
[JsonSerializable(typeof(EmulatorCredentials))]
[JsonSerializable(typeof(ScriptFaultRequest))]
[JsonSerializable(typeof(RandomFaultsRequest))]
[JsonSerializable(typeof(RateLimitRequest))]
[JsonSerializable(typeof(FaultsResponse))]
[JsonSerializable(typeof(ClockAdvanceRequest))]
[JsonSerializable(typeof(ClockSetRequest))]
[JsonSerializable(typeof(ClockResponse))]
[JsonSerializable(typeof(SigningKeyResponse))]
[JsonSerializable(typeof(JournalResponse))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(UsersResponse))]
[JsonSerializable(typeof(ApplicationTokenRequest))]
[JsonSerializable(typeof(UserTokenRequest))]
[JsonSerializable(typeof(MintedTokenResponse))]
[JsonSerializable(typeof(AdminError))]
internal sealed partial class EmulatorJson : JsonSerializerContext
{
    /// <summary>
    /// The context, writing <c>&amp;</c>, quotes and non-ASCII text as they are: these documents go to scripts and
    /// terminals, never into HTML.
    /// </summary>
    /// <remarks>Made on first use: the generated default options are static fields of another part of this class.</remarks>
    public static EmulatorJson Context => s_relaxed ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static EmulatorJson? s_relaxed;
}
