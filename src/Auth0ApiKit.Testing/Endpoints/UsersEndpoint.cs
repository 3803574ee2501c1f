using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.UserFields;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// <c>/api/v2/users</c> and <c>/api/v2/users-by-email</c>: the users of the tenant's one database connection,
/// <c>Username-Password-Authentication</c>, with Auth0's "good" password policy and its answers
/// (AUTH0-USER-FLOWS.md section 8). Passwords are hashed before they reach the store and never answered.
/// </summary>
internal sealed class UsersEndpoint
{
    /// <summary>How many users a search may page through (Auth0's v3 search limit).</summary>
    public const int SearchLimit = 1000;

    private const string SearchEngine = "search_engine";
    private const string SortPattern = @"^(([a-zA-Z0-9_\\.]+))\:(1|-1)$";

    /// <summary>The characters of a <c>sort</c> field, as Auth0's pattern allows them.</summary>
    private static readonly SearchValues<char> SortFieldCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.\\");

    /// <summary>The pairs of properties Auth0 refuses to update together, in the order it checks them.</summary>
    private static readonly (string First, string Second)[] Exclusive =
    [
        (F.Password, F.Email), (F.Password, F.EmailVerified), (F.Username, F.Email), (F.Username, F.EmailVerified), (F.Username, F.Password),
    ];

    private readonly TenantStore _store;
    private readonly TimeProvider _time;

    public UsersEndpoint(TenantStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public FakeResponse Create(FakeRequest request)
    {
        // One parse: the table remembers no user bodies (each names a new user, and may carry a password).
        if (JsonBody.Read(request, UserTable.Shape, WireOperation.Create, out var body) is { } bodyError)
        {
            return bodyError;
        }

        if ((CheckConnection(body) ?? CheckUsername(body)) is { } refused)
        {
            return refused;
        }

        if (Text(body, F.Email) is not { } email)
        {
            return ManagementErrors.InvalidBody($"Missing required property: {F.Email}");
        }

        if (Text(body, F.Password) is not { } password)
        {
            return ManagementErrors.InvalidBody($"Missing required property: {F.Password}");
        }

        if (!UserTable.IsGoodPassword(password))
        {
            return TooWeak();
        }

        // A millisecond of hashing, outside the gate.
        var hash = PasswordHash.Create(password);
        lock (_store.Gate)
        {
            var userId = Text(body, F.UserId) is { } external ? F.DatabaseProvider + "|" + external : _store.Ids.UserId();
            if (_store.Users.Contains(userId) || _store.Users.FindByEmail(email) is not null)
            {
                return ManagementErrors.Error(409, "The user already exists.", "auth0_idp_error");
            }

            var user = NewUser(body, userId, email, Now());
            _store.Users.Add(user, hash);
            _store.Touch();
            return FakeResponse.Json(201, user, WireJson.Context.UserDto);
        }
    }

    public FakeResponse Get(string userId)
    {
        lock (_store.Gate)
        {
            return _store.Users.Find(userId) is { } user ? FakeResponse.Json(200, user, WireJson.Context.UserDto) : PermissionBodies.UserNotFound();
        }
    }

    /// <summary>
    /// Lists users in creation order, or sorted by <c>sort</c>, filtered by <c>q</c> (Lucene's <c>field:value</c> terms,
    /// joined by <c>AND</c> or spaces), with offset paging (<c>{users,start,limit,length,total}</c> with totals).
    /// </summary>
    public FakeResponse List(FakeRequest request)
    {
        if (Paging.Read(request, out var paging, minPerPage: 0) is { } pagingError)
        {
            return pagingError;
        }

        if (CheckSearchEngine(request) is { } engineError)
        {
            return engineError;
        }

        if (paging.Start + paging.PerPage > SearchLimit)
        {
            return ManagementErrors.Error(400,
                "You can only page through the first 1000 records. See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation.",
                "invalid_query_string");
        }

        var sort = request.Query["sort"];
        if (sort is not null && !IsSort(sort))
        {
            return ManagementErrors.InvalidQuery($"String does not match pattern {SortPattern}: {sort}", "sort");
        }

        if (UserQuery.Parse(request.Query["q"]) is not { } query)
        {
            return ManagementErrors.Error(400, $"Invalid query: {request.Query["q"]}", "invalid_query_string");
        }

        lock (_store.Gate)
        {
            var rows = Search(query, sort);
            var page = paging.Slice(rows);
            return paging.IncludeTotals
                ? FakeResponse.Json(200, new UserPageDto { Users = page, Start = paging.Start, Limit = paging.PerPage, Length = page.Count, Total = rows.Count },
                    WireJson.Context.UserPageDto)
                : FakeResponse.Json(200, page, WireJson.Context.ListUserDto);
        }
    }

    /// <summary><c>GET /users-by-email?email=</c>: the users with exactly this email (Auth0 documents the match as case-sensitive), as a bare array.</summary>
    public FakeResponse ByEmail(FakeRequest request)
    {
        if (request.Query[F.Email] is not { } email)
        {
            return ManagementErrors.InvalidQuery($"Missing required property: {F.Email}", F.Email);
        }

        lock (_store.Gate)
        {
            List<UserDto> found = _store.Users.FindByEmail(email) is { } user && user.Email == email ? [user] : [];
            return FakeResponse.Json(200, found, WireJson.Context.ListUserDto);
        }
    }

    public FakeResponse Update(FakeRequest request, string userId)
    {
        if (JsonBody.Read(request, UserTable.Shape, WireOperation.Update, out var patch) is { } bodyError)
        {
            return bodyError;
        }

        foreach (var (first, second) in Exclusive)
        {
            if (patch.TryGetProperty(first, out _) && patch.TryGetProperty(second, out _))
            {
                return ManagementErrors.Error(400, $"Cannot update {first} and {second} simultaneously.");
            }
        }

        if ((CheckConnection(patch) ?? CheckUsername(patch)) is { } refused)
        {
            return refused;
        }

        PasswordHash? hash = null;
        if (Text(patch, F.Password) is { } password)
        {
            if (!UserTable.IsGoodPassword(password))
            {
                return TooWeak();
            }

            hash = PasswordHash.Create(password);
        }

        lock (_store.Gate)
        {
            if (_store.Users.Find(userId) is not { } current)
            {
                return PermissionBodies.UserNotFound();
            }

            var email = Text(patch, F.Email);
            if (email is not null && _store.Users.FindByEmail(email) is { } holder && holder.UserId != userId)
            {
                return ManagementErrors.Error(409, "The user already exists.", "auth0_idp_error");
            }

            var stored = WireJson.ToElement(current, WireJson.Context.UserDto);
            var updated = UserTable.Shape.Merge(stored, StoredPart(patch, email is not null && email != current.Email), WireJson.Context.UserDto);
            updated.UpdatedAt = Now();
            _store.Users.Replace(updated);
            if (hash is not null)
            {
                _store.Users.SetPassword(userId, hash);
            }

            _store.Touch();
            return FakeResponse.Json(200, updated, WireJson.Context.UserDto);
        }
    }

    /// <summary>
    /// Deletes a user, its password, its roles and direct permissions and its refresh tokens; 204 whether or not it
    /// existed, as Auth0 answers.
    /// </summary>
    public FakeResponse Delete(string userId)
    {
        lock (_store.Gate)
        {
            _store.RemoveUser(userId);
            return FakeResponse.Empty(204);
        }
    }

    private static FakeResponse TooWeak() => ManagementErrors.Error(400, "PasswordStrengthError: Password is too weak", "invalid_password");

    /// <summary>The tenant has one connection, the database one; a write naming another is refused.</summary>
    private static FakeResponse? CheckConnection(JsonElement body) =>
        Text(body, F.Connection) is { } connection && connection != F.DatabaseConnection
            ? ManagementErrors.Error(400, "Connection does not exist.", "inexistent_connection")
            : null;

    /// <summary>The database connection does not require usernames, so Auth0 refuses one.</summary>
    private static FakeResponse? CheckUsername(JsonElement body) =>
        body.TryGetProperty(F.Username, out var username) && username.ValueKind != JsonValueKind.Null
            ? ManagementErrors.Error(400, "Cannot set username for connection without requires_username.")
            : null;

    private static FakeResponse? CheckSearchEngine(FakeRequest request) => request.Query[SearchEngine] switch
    {
        null or "v3" => null,
        "v1" => ManagementErrors.Error(400, "You are not allowed to use search_engine=v1.", "invalid_query_string"),
        "v2" => ManagementErrors.Error(400, "You are not allowed to use search_engine=v2. Use search_engine=v3 instead.", "invalid_query_string"),
        var other => ManagementErrors.InvalidQuery($"No enum match for: \"{other}\"", SearchEngine, "The version of the search engine"),
    };

    private static bool IsSort(string sort)
    {
        var colon = sort.LastIndexOf(':');
        return colon > 0 && sort.AsSpan(colon + 1) is "1" or "-1" && !sort.AsSpan(0, colon).ContainsAnyExcept(SortFieldCharacters);
    }

    /// <summary>The users <paramref name="query"/> matches, in creation order or sorted (users without the sort field last).</summary>
    private List<UserDto> Search(UserQuery query, string? sort)
    {
        var matches = new List<(UserDto User, JsonElement Json)>();
        foreach (var user in _store.Users.Rows)
        {
            var json = query.IsEmpty && sort is null ? default : WireJson.ToElement(user, WireJson.Context.UserDto);
            if (query.IsEmpty || query.Matches(json))
            {
                matches.Add((user, json));
            }
        }

        if (sort is not null)
        {
            var colon = sort.LastIndexOf(':');
            var path = sort[..colon].Split('.');
            var descending = sort[(colon + 1)..] == "-1";
            var keyed = matches.Select(m => (m.User, Key: UserQuery.ValueAt(m.Json, path))).ToList();
            var ordered = descending
                ? keyed.OrderBy(m => m.Key is null).ThenByDescending(m => m.Key, StringComparer.Ordinal)
                : keyed.OrderBy(m => m.Key is null).ThenBy(m => m.Key, StringComparer.Ordinal);
            return [.. ordered.Select(m => m.User)];
        }

        return [.. matches.Select(m => m.User)];
    }

    /// <summary>
    /// A new database user from a checked create body: what it describes (not its instructions: password, connection,
    /// verify_email), then Auth0's defaults: <c>email_verified</c> false, <c>name</c> the email, <c>nickname</c> its
    /// local part, <c>picture</c> the email's Gravatar with the name's initials as fallback, and one identity.
    /// </summary>
    private static UserDto NewUser(JsonElement body, string userId, string email, string now)
    {
        var user = JsonSerializer.Deserialize(Described(body, emailChanged: false).WrittenSpan, WireJson.Context.UserDto)!;
        user.UserId = userId;
        user.EmailVerified ??= false;
        user.Name ??= email;
        user.Nickname ??= email[..email.IndexOf('@', StringComparison.Ordinal)];
        user.Picture ??= Gravatar(email, user.Name);
        user.Identities = [new UserIdentityDto { Connection = F.DatabaseConnection, UserId = userId[(F.DatabaseProvider.Length + 1)..], Provider = F.DatabaseProvider, IsSocial = false }];
        user.CreatedAt = now;
        user.UpdatedAt = now;
        return user;
    }

    /// <summary>
    /// The part of a PATCH a user row takes: without its instructions (password, connection, verify_email, ...); a
    /// changed email is unverified again unless the PATCH says otherwise, as Auth0 does.
    /// </summary>
    private static JsonElement StoredPart(JsonElement patch, bool emailChanged) => JsonElement.Parse(Described(patch, emailChanged).WrittenSpan);

    /// <summary>
    /// What a write says about the user: its properties but the instructions a row never holds (<see cref="UserTable.NotStored"/>)
    /// and the external <c>user_id</c> (the id is made from it); <c>email_verified: false</c> added for a changed email the write does not verify.
    /// </summary>
    private static ArrayBufferWriter<byte> Described(JsonElement body, bool emailChanged)
    {
        var described = new ArrayBufferWriter<byte>(256);
        using var writer = new Utf8JsonWriter(described);
        writer.WriteStartObject();
        foreach (var property in body.EnumerateObject())
        {
            if (!UserTable.NotStored.Contains(property.Name) && property.Name != F.UserId)
            {
                property.WriteTo(writer);
            }
        }

        if (emailChanged && !body.TryGetProperty(F.EmailVerified, out _))
        {
            writer.WriteBoolean(F.EmailVerified, false);
        }

        writer.WriteEndObject();
        writer.Flush();
        return described;
    }

    /// <summary>
    /// Auth0's default picture: the Gravatar of the trimmed, lower-cased email, falling back to Auth0's avatar of the
    /// name's initials (the first letters of its first two words, or its first two letters).
    /// </summary>
    private static string Gravatar(string email, string name)
    {
#pragma warning disable CA5351 // Gravatar addresses pictures by the MD5 of the email: an identifier, not a security measure.
        var digest = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
#pragma warning restore CA5351
        // A name that is an email counts as its local part.
        var at = name.IndexOf('@', StringComparison.Ordinal);
        var words = (at > 0 ? name[..at] : name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var initials = words.Length switch
        {
            0 => "a",
            1 => words[0][..Math.Min(2, words[0].Length)],
            _ => string.Concat(words[0].AsSpan(0, 1), words[1].AsSpan(0, 1)),
        };
        return $"https://s.gravatar.com/avatar/{digest}?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2F{initials.ToLowerInvariant()}.png";
    }

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
