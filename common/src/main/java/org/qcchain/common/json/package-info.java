/**
 * JSON for qcchain: one strictly configured Jackson mapper, readable input errors, and the RFC 8785
 * canonical form used wherever JSON is hashed or signed.
 *
 * <p>Start at {@link org.qcchain.common.json.Json}: {@code Json.parse} reads request bodies and
 * ledger values, failing with a {@link org.qcchain.common.json.JsonInputException} a person can act
 * on; {@code Json.canonicalBytes} gives the exact bytes to sign or hash.
 * {@link org.qcchain.common.json.CanonicalJson} is the RFC 8785 serializer itself, restricted to
 * the integers every JSON implementation represents exactly.
 */
package org.qcchain.common.json;
