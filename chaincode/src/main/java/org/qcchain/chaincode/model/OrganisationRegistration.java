package org.qcchain.chaincode.model;

import java.util.List;

/** The operator's registration of an organisation, or the init argument of the first operator. */
public record OrganisationRegistration(String mspId, String name, List<Role> roles, List<String> caCertificates) {}
