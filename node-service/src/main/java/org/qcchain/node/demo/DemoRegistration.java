package org.qcchain.node.demo;

import java.io.PrintStream;
import java.util.List;
import org.qcchain.chaincode.model.OrganisationRegistration;
import org.qcchain.common.json.Json;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerBackend;

/**
 * Registers the demo's organisations through the chaincode (the Bureau first, with {@code
 * Organisations:init}), admits each to the channel membership, and registers the catalogue, each
 * dataset by its provider.
 */
final class DemoRegistration {

    private DemoRegistration() {}

    static void registerAll(LedgerBackend ledger, DemoPki pki, PrintStream out) throws ChaincodeFailure {
        out.println("registering organisations and the catalogue on the ledger");
        for (DemoOrganisation organisation : DemoOrganisation.all()) {
            String id = organisation.mspId();
            String registration = Json.write(new OrganisationRegistration(id, organisation.name(),
                    organisation.roles(), List.of(pki.caPem(id))));
            boolean bureau = id.equals(DemoOrganisation.BUREAU);
            ledger.submit(pki.client(DemoOrganisation.BUREAU),
                    bureau ? "Organisations:init" : "Organisations:registerOrganisation", registration);
            ledger.admit(id, List.of(pki.caPem(id)));
        }
        for (DemoCatalogue.Entry entry : DemoCatalogue.entries()) {
            ledger.submit(pki.client(entry.providerMspId()), "Catalogue:registerDataset",
                    Json.write(entry.definition()));
        }
    }
}
