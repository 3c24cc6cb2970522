package org.qcchain.common.crypto;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link CertificateAuthority} needs to issue one end-entity certificate.
 *
 * <p>The constructor rejects what would produce a bad certificate: an unparsable or empty
 * distinguished name, a key of no crypto suite, a validity under one second, malformed DNS names or
 * IP addresses. DNS names are lower-cased. Time values are parameters, never the clock.
 *
 * <pre>{@code
 * CertificateRequest request = CertificateRequest
 *     .of("CN=node1.bank.example,O=Bank", keyPair.getPublic(), CertificateProfile.SERVER,
 *         notBefore, Duration.ofDays(365))
 *     .withDnsNames("node1.bank.example", "localhost")
 *     .withIpAddresses("127.0.0.1");
 * X509Certificate certificate = ca.issue(request);
 * }</pre>
 *
 * @param subjectDn RFC 4514 subject, most specific first: {@code "CN=alice,O=Org1,C=CN"}
 * @param publicKey the subject's key, of the issuing CA's suite
 * @param profile what the certificate may be used for
 * @param notBefore start of validity (truncated to whole seconds when issued)
 * @param validity how long the certificate is valid, at least one second
 * @param dnsNames DNS subject alternative names; {@code null} means none
 * @param ipAddresses IPv4/IPv6 subject alternative names; {@code null} means none
 */
public record CertificateRequest(
        String subjectDn,
        PublicKey publicKey,
        CertificateProfile profile,
        Instant notBefore,
        Duration validity,
        List<String> dnsNames,
        List<String> ipAddresses) {

    /**
     * Validates and copies; see the type description for the rules.
     *
     * @param subjectDn RFC 4514 subject
     * @param publicKey the subject's key
     * @param profile what the certificate may be used for
     * @param notBefore start of validity
     * @param validity at least one second
     * @param dnsNames DNS names, or {@code null} for none
     * @param ipAddresses IP addresses, or {@code null} for none
     * @throws IllegalArgumentException if a rule is broken
     */
    public CertificateRequest {
        DistinguishedNames.parse(subjectDn);
        CryptoSuite.ofKey(Objects.requireNonNull(publicKey, "publicKey"));
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(notBefore, "notBefore");
        ValidityPeriod.checkValidity(validity);
        dnsNames = dnsNames == null
                ? List.of()
                : dnsNames.stream().map(AlternativeNames::checkDnsName).toList();
        ipAddresses = ipAddresses == null
                ? List.of()
                : ipAddresses.stream().map(AlternativeNames::checkIpAddress).toList();
    }

    /**
     * A request without subject alternative names.
     *
     * @param subjectDn RFC 4514 subject
     * @param publicKey the subject's key
     * @param profile what the certificate may be used for
     * @param notBefore start of validity
     * @param validity at least one second
     * @return the validated request
     */
    public static CertificateRequest of(
            String subjectDn,
            PublicKey publicKey,
            CertificateProfile profile,
            Instant notBefore,
            Duration validity) {
        return new CertificateRequest(
                subjectDn, publicKey, profile, notBefore, validity, List.of(), List.of());
    }

    /**
     * A copy with other DNS names.
     *
     * @param names the DNS names, replacing the current ones
     * @return the validated copy
     */
    public CertificateRequest withDnsNames(String... names) {
        return new CertificateRequest(
                subjectDn, publicKey, profile, notBefore, validity, Arrays.asList(names), ipAddresses);
    }

    /**
     * A copy with other IP addresses.
     *
     * @param addresses IPv4 or IPv6 literals, replacing the current ones
     * @return the validated copy
     */
    public CertificateRequest withIpAddresses(String... addresses) {
        return new CertificateRequest(
                subjectDn, publicKey, profile, notBefore, validity, dnsNames, Arrays.asList(addresses));
    }
}
