package org.qcchain.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Sm2CertificateSupportTest {

    @Test
    void the_default_certificate_factory_reads_sm2_certificates_once_installed() throws Exception {
        CertificateAuthority ca = CertificateAuthority.createRoot(CryptoSuite.SM2_SM3, "CN=sm2 root,O=Test",
                Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(30));
        byte[] pem = Pem.toPem(ca.certificate()).getBytes(StandardCharsets.UTF_8);

        Sm2CertificateSupport.install();
        Sm2CertificateSupport.install();

        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X509")
                .generateCertificate(new ByteArrayInputStream(pem));
        assertThat(parsed.getEncoded()).isEqualTo(ca.certificate().getEncoded());
        assertThat(CryptoSuite.ofKey(parsed.getPublicKey())).isEqualTo(CryptoSuite.SM2_SM3);
        assertThat(java.security.Security.getProviders()[0].getName()).isEqualTo(Sm2CertificateSupport.PROVIDER_NAME);
        assertThat(Sm2CertificateSupport.installed()).isTrue();
    }
}
