package org.qcchain.sdk;

import java.util.List;

/**
 * The caller as the node sees it ({@code GET /v1/whoami}, docs/api.md): use it to test signing.
 *
 * @param mspId the organisation
 * @param roles its roles
 * @param subject the certificate's subject
 * @param issuer the certificate's issuer
 * @param certificateFingerprint SHA-256 fingerprint of the certificate
 * @param cryptoSuite the network's suite
 */
public record WhoAmI(String mspId, List<String> roles, String subject, String issuer, String certificateFingerprint,
        String cryptoSuite) {}
