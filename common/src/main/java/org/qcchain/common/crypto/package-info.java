/**
 * The two crypto suites of a qcchain network and everything that follows a suite: hashing, HMAC,
 * signatures, PEM files, X.509 certificates and subject pseudonyms.
 *
 * <p>Start at {@link org.qcchain.common.crypto.CryptoSuite}: a network picks {@code P256_SHA256}
 * (what Fabric itself uses) or {@code SM2_SM3} (GB/T 32918 and GB/T 32905), and every hash,
 * signature and certificate then follows that choice. {@link org.qcchain.common.crypto.Pem} and
 * {@link org.qcchain.common.crypto.Certificates} read and check what others produced;
 * {@link org.qcchain.common.crypto.CertificateAuthority} issues certificates for tests, the demo
 * network and MSP generation; {@link org.qcchain.common.crypto.Pseudonymizer} turns personal
 * identifiers into keyed pseudonyms before anything reaches the ledger.
 *
 * <p>Everything here is deterministic apart from key, serial-number and SM2 nonce generation, holds
 * no mutable global state, and is safe to call from many threads. All algorithms run on one
 * Bouncy Castle provider instance ({@link org.qcchain.common.crypto.BouncyCastle#provider()}) that
 * is never registered with {@link java.security.Security}.
 */
package org.qcchain.common.crypto;
