package org.qcchain.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Certificates parsed once per PEM text: the same certificate as a fresh parse, bad text refused every time. */
class ParsedCertificatesTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void gives_the_certificate_a_fresh_parse_gives_and_parses_each_text_once(CryptoSuite suite) throws Exception {
        CertificateAuthority ca = CertificateAuthority.createRoot(suite, "CN=ca.bank,O=Bank", START, Duration.ofDays(365));
        String pem = Pem.toPem(ca.issueIdentity("CN=teller,OU=client", CertificateProfile.CLIENT, START,
                Duration.ofDays(30)).certificate());

        assertThat(ParsedCertificates.parse(pem).getEncoded()).isEqualTo(Pem.parseCertificate(pem).getEncoded());
        assertThat(ParsedCertificates.parse(pem)).isSameAs(ParsedCertificates.parse(pem));
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void refuses_a_text_that_is_not_a_certificate_every_time(CryptoSuite suite) {
        String broken = "-----BEGIN CERTIFICATE-----\nAAAA" + suite.ordinal() + "\n-----END CERTIFICATE-----\n";

        for (int round = 0; round < 2; round++) {
            assertThatThrownBy(() -> ParsedCertificates.parse(broken)).isInstanceOf(CertificateException.class);
        }
    }
}
