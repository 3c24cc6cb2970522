/**
 * The qcchain chaincode: one stateless Fabric contract per capability. {@link
 * org.qcchain.chaincode.OrganisationContract} (members and roles), {@link
 * org.qcchain.chaincode.CatalogueContract} (datasets, one source each), {@link
 * org.qcchain.chaincode.AnchorContract} (Merkle roots of record batches), {@link
 * org.qcchain.chaincode.AgreementContract} (consumers' rights to ask), {@link
 * org.qcchain.chaincode.ConsentContract} (subjects' consents), {@link
 * org.qcchain.chaincode.AccessContract} (data requests and the access trail) and {@link
 * org.qcchain.chaincode.HistoryContract}. {@link org.qcchain.chaincode.ChaincodeMain} starts it,
 * also as chaincode-as-a-service.
 */
package org.qcchain.chaincode;
