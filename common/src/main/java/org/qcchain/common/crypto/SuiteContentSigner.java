package org.qcchain.common.crypto;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.PrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * Lets Bouncy Castle's certificate and CSR builders sign through {@link CryptoSuite#sign}, so
 * certificates get the same signatures as everything else: low-S ECDSA (which Fabric's MSP would
 * otherwise have to rewrite) and SM2 with the default user id.
 *
 * <p>Single use, like every ContentSigner.
 */
final class SuiteContentSigner implements ContentSigner {

    private final CryptoSuite suite;
    private final PrivateKey key;
    private final AlgorithmIdentifier algorithm;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();

    SuiteContentSigner(CryptoSuite suite, PrivateKey key) {
        this.suite = suite;
        this.key = key;
        this.algorithm =
                new DefaultSignatureAlgorithmIdentifierFinder().find(suite.certificateSignatureAlgorithm());
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
        return content;
    }

    @Override
    public byte[] getSignature() {
        return suite.sign(key, content.toByteArray());
    }
}
