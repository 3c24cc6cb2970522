/**
 * The qcchain client SDK for banks, insurers, identity providers and auditors. Entry points: {@link
 * org.qcchain.sdk.QcchainClient} (signed HTTP calls, verified answers), {@link
 * org.qcchain.sdk.DataRequest} → {@link org.qcchain.sdk.SignedDataRequest} (one type per phase;
 * bytes exposed for an HSM), {@link org.qcchain.sdk.ConsentBuilder} → {@link
 * org.qcchain.sdk.ConsentTerms}. Offline verification lives in {@link org.qcchain.sdk.verify}.
 */
package org.qcchain.sdk;
