using System.Text.Json.Serialization;

namespace Auth0ApiKit.Wire;

/// <summary>
/// The source-generated JSON metadata of every wire type: no reflection, AOT- and trim-safe. Unset (null)
/// fields are never written, so requests carry only what the user set.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ResourceServerDto))]
[JsonSerializable(typeof(List<ResourceServerDto>))]
[JsonSerializable(typeof(ResourceServerPageDto))]
[JsonSerializable(typeof(ClientDto))]
[JsonSerializable(typeof(List<ClientDto>))]
[JsonSerializable(typeof(ClientPageDto))]
[JsonSerializable(typeof(ClientGrantDto))]
[JsonSerializable(typeof(List<ClientGrantDto>))]
[JsonSerializable(typeof(ClientGrantPageDto))]
[JsonSerializable(typeof(ClientCredentialDto))]
[JsonSerializable(typeof(List<ClientCredentialDto>))]
[JsonSerializable(typeof(UserDto))]
[JsonSerializable(typeof(List<UserDto>))]
[JsonSerializable(typeof(UserPageDto))]
[JsonSerializable(typeof(UserWriteDto))]
[JsonSerializable(typeof(UserRolesBodyDto))]
[JsonSerializable(typeof(RoleDto))]
[JsonSerializable(typeof(List<RoleDto>))]
[JsonSerializable(typeof(RolePageDto))]
[JsonSerializable(typeof(PermissionDto))]
[JsonSerializable(typeof(List<PermissionDto>))]
[JsonSerializable(typeof(PermissionPageDto))]
[JsonSerializable(typeof(PermissionsBodyDto))]
[JsonSerializable(typeof(RoleUsersBodyDto))]
[JsonSerializable(typeof(List<RoleUserDto>))]
[JsonSerializable(typeof(RoleUserPageDto))]
[JsonSerializable(typeof(ManagementErrorDto))]
[JsonSerializable(typeof(OAuthErrorDto))]
[JsonSerializable(typeof(TokenRequestDto))]
[JsonSerializable(typeof(TokenResponseDto))]
[JsonSerializable(typeof(OpenIdConfigurationDto))]
[JsonSerializable(typeof(DesiredStateDto))]
[JsonSerializable(typeof(long))]
internal sealed partial class WireJsonContext : JsonSerializerContext
{
}
