package org.qcchain.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The remembering X.509 factory answers as a fresh parse would, and only where that is exact. */
class CreatorCertificatesTest {

    @BeforeAll
    static void install() {
        CreatorCertificates.install();
    }

    @Test
    void answers_a_certificate_parsed_before_from_memory_with_the_same_certificate() throws Exception {
        byte[] pem = Identities.pem(TestIdentity.BANK.certificate()).getBytes(UTF_8);

        X509Certificate first = parse(pem);
        X509Certificate again = parse(pem.clone());

        assertThat(CertificateFactory.getInstance("X509").getProvider().getName())
                .isEqualTo(CreatorCertificates.PROVIDER_NAME);
        assertThat(again).isSameAs(first).isEqualTo(TestIdentity.BANK.certificate());
    }

    @Test
    void tells_different_certificates_apart() throws Exception {
        X509Certificate bank = parse(Identities.pem(TestIdentity.BANK.certificate()).getBytes(UTF_8));
        X509Certificate insurer = parse(Identities.pem(TestIdentity.INSURER.certificate()).getBytes(UTF_8));

        assertThat(bank).isEqualTo(TestIdentity.BANK.certificate());
        assertThat(insurer).isEqualTo(TestIdentity.INSURER.certificate());
    }

    @Test
    void reads_a_stream_of_two_certificates_one_after_the_other_even_when_the_first_is_remembered()
            throws Exception {
        byte[] bank = Identities.pem(TestIdentity.BANK.certificate()).getBytes(UTF_8);
        byte[] insurer = Identities.pem(TestIdentity.INSURER.certificate()).getBytes(UTF_8);
        parse(bank);
        byte[] both = new byte[bank.length + insurer.length];
        System.arraycopy(bank, 0, both, 0, bank.length);
        System.arraycopy(insurer, 0, both, bank.length, insurer.length);

        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        ByteArrayInputStream in = new ByteArrayInputStream(both);
        assertThat(factory.generateCertificate(in)).isEqualTo(TestIdentity.BANK.certificate());
        assertThat(factory.generateCertificate(in)).isEqualTo(TestIdentity.INSURER.certificate());
        assertThat(new java.util.ArrayList<java.security.cert.Certificate>(
                factory.generateCertificates(new ByteArrayInputStream(both))))
                .containsExactly(TestIdentity.BANK.certificate(), TestIdentity.INSURER.certificate());
    }

    @Test
    void still_refuses_bytes_that_are_no_certificate_every_time() {
        byte[] garbage = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".getBytes(UTF_8);

        assertThatThrownBy(() -> parse(garbage)).isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> parse(garbage)).isInstanceOf(CertificateException.class);
    }

    private static X509Certificate parse(byte[] pem) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X509")
                .generateCertificate(new ByteArrayInputStream(pem));
    }
}
