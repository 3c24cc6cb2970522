package org.qcchain.simulator;

import org.qcchain.common.crypto.Sm2CertificateSupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Creator identities as Fabric serializes them: {@code msp.SerializedIdentity} with the MSP id and
 * the PEM certificate, the bytes {@link org.hyperledger.fabric.contract.ClientIdentity} parses.
 *
 * <pre>{@code
 * byte[] creator = Identities.serializedIdentity("BankMSP", certificatePem);
 * }</pre>
 */
public final class Identities {

    private static final Base64.Encoder PEM_BASE64 =
            Base64.getMimeEncoder(64, "\n".getBytes(UTF_8));

    static {
        // P-256 and SM2 certificates alike must parse with the JVM's default X.509 factory
        Sm2CertificateSupport.install();
    }

    private Identities() {}

    /**
     * The serialized identity of a certificate holder.
     *
     * @param mspId the MSP (organisation) id
     * @param certificatePem the X.509 certificate in PEM
     * @throws IllegalArgumentException if the MSP id is blank or the PEM is not an X.509 certificate
     */
    public static byte[] serializedIdentity(String mspId, String certificatePem) {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(certificatePem, "certificatePem");
        if (mspId.isBlank()) {
            throw new IllegalArgumentException("mspId must not be blank");
        }
        requireCertificate(certificatePem);
        return SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(ByteString.copyFromUtf8(certificatePem))
                .build()
                .toByteArray();
    }

    /** The serialized identity of a certificate holder, the certificate encoded as PEM. */
    public static byte[] serializedIdentity(String mspId, X509Certificate certificate) {
        return serializedIdentity(mspId, pem(Objects.requireNonNull(certificate, "certificate")));
    }

    /** A certificate in PEM, as Fabric's MSP tooling writes it. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + PEM_BASE64.encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    private static void requireCertificate(String pem) {
        try {
            CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(UTF_8)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificatePem is not an X.509 certificate", e);
        }
    }
}
