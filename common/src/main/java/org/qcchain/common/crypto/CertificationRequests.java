package org.qcchain.common.crypto;

import java.io.IOException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.PublicKey;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Creating PKCS#10 requests, and reading what a CA needs from one it received. */
final class CertificationRequests {

    private CertificationRequests() {}

    static PKCS10CertificationRequest create(
            CryptoSuite suite, KeyPair keyPair, String subjectDn, GeneralNames names) {
        if (!suite.isKeyPair(keyPair.getPrivate(), keyPair.getPublic())) {
            throw new IllegalArgumentException(
                    "key pair is not a matching " + suite + " key pair: private key is "
                            + CryptoSuite.describe(keyPair.getPrivate()));
        }
        PKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(
                DistinguishedNames.parse(subjectDn), keyPair.getPublic());
        if (names.getNames().length > 0) {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            try {
                extensions.addExtension(Extension.subjectAlternativeName, false, names);
            } catch (IOException e) {
                throw new IllegalStateException("cannot encode subject alternative names", e);
            }
            builder.addAttribute(
                    PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
        }
        return builder.build(new SuiteContentSigner(suite, keyPair.getPrivate()));
    }

    /**
     * The request's public key, after checking that the request is signed with its private key
     * (proof of possession).
     *
     * @throws InvalidSignatureException if the signature does not verify
     * @throws InvalidKeyException if the key cannot be decoded
     */
    static PublicKey verifiedPublicKey(PKCS10CertificationRequest csr)
            throws InvalidSignatureException, InvalidKeyException {
        String subject = DistinguishedNames.format(DistinguishedNames.of(csr.getSubject()));
        boolean valid;
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder()
                    .setProvider(BouncyCastle.provider())
                    .build(csr.getSubjectPublicKeyInfo());
            valid = csr.isSignatureValid(verifier);
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            throw new InvalidSignatureException(InvalidSignatureException.Reason.MALFORMED,
                    "signature of the certification request for '" + subject + "' cannot be checked: "
                            + e.getMessage(), e);
        }
        if (!valid) {
            throw new InvalidSignatureException(InvalidSignatureException.Reason.MISMATCH,
                    "certification request for '" + subject
                            + "' is not signed by the private key of the public key it contains");
        }
        try {
            return new JcaPEMKeyConverter()
                    .setProvider(BouncyCastle.provider())
                    .getPublicKey(csr.getSubjectPublicKeyInfo());
        } catch (IOException e) {
            throw new InvalidKeyException("public key of the certification request for '" + subject
                    + "' cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** The subject alternative names the request asks for; empty if none. */
    static GeneralNames requestedNames(PKCS10CertificationRequest csr) {
        for (Attribute attribute :
                csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
            GeneralNames names =
                    GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
            if (names != null) {
                return names;
            }
        }
        return new GeneralNames(new GeneralName[0]);
    }
}
