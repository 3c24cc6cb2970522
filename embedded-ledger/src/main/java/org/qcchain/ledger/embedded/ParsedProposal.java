package org.qcchain.ledger.embedded;

import java.security.cert.X509Certificate;
import org.qcchain.simulator.Proposal;

/**
 * A proposal decoded from its Fabric bytes: what the chaincode sees, and who claims to send it.
 *
 * @param proposal the proposal as the simulator runs it
 * @param mspId the creator's MSP id
 * @param certificate the creator's certificate, whose key must have signed the proposal bytes
 */
record ParsedProposal(Proposal proposal, String mspId, X509Certificate certificate) {}
