namespace Auth0ApiKit.Sync;

/// <summary>What a sync plan does to one API, authorization or role of a tenant.</summary>
public enum ChangeKind
{
    /// <summary>Nothing: the tenant already matches the desired state.</summary>
    Unchanged = 0,

    /// <summary>Created: the tenant does not have it.</summary>
    Create = 1,

    /// <summary>Changed in place: some settings (an API), the granted scopes (an authorization) or the description or permissions (a role) differ.</summary>
    Update = 2,

    /// <summary>
    /// Deleted and created anew (APIs only): the identifier or the signing algorithm differs, neither of which can
    /// change in place. Every token the API issued stops validating, so a plan refuses it unless
    /// <see cref="SyncOptions.AllowReplacement"/> is set.
    /// </summary>
    Replace = 3,

    /// <summary>Deleted: only with <see cref="SyncOptions.Prune"/>, or an authorization of an API being replaced.</summary>
    Delete = 4,
}
