namespace Auth0ApiKit.Wire;

/// <summary>
/// The certificate every client of the fake tenant reports in <c>signing_keys</c>, where Auth0 lists the tenant's
/// deprecated client-signing certificate (<c>{"cert","pkcs7","subject":"deprecated"}</c>). It is a fixed, self-signed
/// certificate for <c>CN=fake-tenant.auth0.test</c> whose private key was thrown away when it was made: nothing signs
/// with it, and no key is generated per tenant or per process.
/// </summary>
internal static class DeprecatedSigningCertificate
{
    /// <summary>The certificate, in PEM with CRLF line ends as Auth0 writes it.</summary>
    public static readonly string Certificate = string.Join("\r\n",
    [
        "-----BEGIN CERTIFICATE-----",
        "MIIDJTCCAg2gAwIBAgIUXjR1lMa0EIBlt/nzqiWeLO3hMoEwDQYJKoZIhvcNAQEL",
        "BQAwITEfMB0GA1UEAwwWZmFrZS10ZW5hbnQuYXV0aDAudGVzdDAgFw0yNjEyMDIw",
        "NDQwMzRaGA8yMTI2MTEwODA0NDAzNFowITEfMB0GA1UEAwwWZmFrZS10ZW5hbnQu",
        "YXV0aDAudGVzdDCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAMT6Wgji",
        "EX5T1E81mSoLwvPuDW6HL/rSu4ESWjwbp+mDs+Yd+lG6EMMO239qnVQ1g66ENGEb",
        "p28aqq4BZHBzjkA65X3VMCDpyShSt+/t4mZ8KoNglQRFFulxFjRDtmOiuynFF/qe",
        "WXbe2/cOV8e0YtmxdKa2XF0Vnu6NJL0UTMurhGm4YOGA6z9vh5PghL8vwOH4v4d6",
        "6kXVN6th3NmbjSXWbdRW8jgcokY0kSJOZNCa0RVYgPAyiK1rwTNGfrn6Ta26j88Q",
        "eERtrwD1Ri/mcLi67fEx7anTTys7+8HufnlVxhKvgNi3FelCqEel5ZfRSMJcCpYe",
        "KwAum0SFyT2POYcCAwEAAaNTMFEwHQYDVR0OBBYEFD5mmfJn1uMsMSRsiKULtKzg",
        "9oNBMB8GA1UdIwQYMBaAFD5mmfJn1uMsMSRsiKULtKzg9oNBMA8GA1UdEwEB/wQF",
        "MAMBAf8wDQYJKoZIhvcNAQELBQADggEBAEVzN6qjezKGcCWbbXdw2RoVqzCt/EFA",
        "IEaK2pCELfg/bCRQyX/3R9HCjK7fgA+nlPbA8bh9B2WA/QFAtp77wr1vBq0YLnEj",
        "OGNbfh5aoB7RSzK29ii26wHmbuTvgaTJ3BbQc3Hsr4W4TyY9Ah+KCPiok9NkwRAt",
        "alvx5m/WLKa6HfdTUhK47wZTmj/VdIVoeu97a3OBfEKmtshBHCd0EWc2W+Ioagb5",
        "DeO9FrMNSezTribQukYFzaUU/O07CH5oUTnVW+CT7SeXh6xt718sB/SdgEQlH9t0",
        "3XdYGE8BrIbYAw2oGGgGo39MjpZVNZeC/63aCzjetSL/jK2mt0oAc60=",
        "-----END CERTIFICATE-----",
        "",
    ]);

    /// <summary>The PKCS #7 bundle of the certificate, in PEM with CRLF line ends as Auth0 writes it.</summary>
    public static readonly string Pkcs7 = string.Join("\r\n",
    [
        "-----BEGIN PKCS7-----",
        "MIIDVAYJKoZIhvcNAQcCoIIDRTCCA0ECAQExADALBgkqhkiG9w0BBwGgggMpMIID",
        "JTCCAg2gAwIBAgIUXjR1lMa0EIBlt/nzqiWeLO3hMoEwDQYJKoZIhvcNAQELBQAw",
        "ITEfMB0GA1UEAwwWZmFrZS10ZW5hbnQuYXV0aDAudGVzdDAgFw0yNjEyMDIwNDQw",
        "MzRaGA8yMTI2MTEwODA0NDAzNFowITEfMB0GA1UEAwwWZmFrZS10ZW5hbnQuYXV0",
        "aDAudGVzdDCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAMT6WgjiEX5T",
        "1E81mSoLwvPuDW6HL/rSu4ESWjwbp+mDs+Yd+lG6EMMO239qnVQ1g66ENGEbp28a",
        "qq4BZHBzjkA65X3VMCDpyShSt+/t4mZ8KoNglQRFFulxFjRDtmOiuynFF/qeWXbe",
        "2/cOV8e0YtmxdKa2XF0Vnu6NJL0UTMurhGm4YOGA6z9vh5PghL8vwOH4v4d66kXV",
        "N6th3NmbjSXWbdRW8jgcokY0kSJOZNCa0RVYgPAyiK1rwTNGfrn6Ta26j88QeERt",
        "rwD1Ri/mcLi67fEx7anTTys7+8HufnlVxhKvgNi3FelCqEel5ZfRSMJcCpYeKwAu",
        "m0SFyT2POYcCAwEAAaNTMFEwHQYDVR0OBBYEFD5mmfJn1uMsMSRsiKULtKzg9oNB",
        "MB8GA1UdIwQYMBaAFD5mmfJn1uMsMSRsiKULtKzg9oNBMA8GA1UdEwEB/wQFMAMB",
        "Af8wDQYJKoZIhvcNAQELBQADggEBAEVzN6qjezKGcCWbbXdw2RoVqzCt/EFAIEaK",
        "2pCELfg/bCRQyX/3R9HCjK7fgA+nlPbA8bh9B2WA/QFAtp77wr1vBq0YLnEjOGNb",
        "fh5aoB7RSzK29ii26wHmbuTvgaTJ3BbQc3Hsr4W4TyY9Ah+KCPiok9NkwRAtalvx",
        "5m/WLKa6HfdTUhK47wZTmj/VdIVoeu97a3OBfEKmtshBHCd0EWc2W+Ioagb5DeO9",
        "FrMNSezTribQukYFzaUU/O07CH5oUTnVW+CT7SeXh6xt718sB/SdgEQlH9t03XdY",
        "GE8BrIbYAw2oGGgGo39MjpZVNZeC/63aCzjetSL/jK2mt0oAc60xAA==",
        "-----END PKCS7-----",
        "",
    ]);
}
