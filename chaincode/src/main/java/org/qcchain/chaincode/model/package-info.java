/**
 * Ledger values and transaction arguments of the contract: immutable records, stored as canonical
 * JSON (RFC 8785) so that every peer writes the same bytes. No personal identifier and no data
 * value appears in any of them: subjects are pseudonyms, records are anchored as Merkle roots.
 */
package org.qcchain.chaincode.model;
