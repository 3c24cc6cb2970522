package org.qcchain.node.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.qcchain.chaincode.model.AgreementApproval;
import org.qcchain.chaincode.model.AgreementProposal;
import org.qcchain.chaincode.model.ConsentGrant;
import org.qcchain.chaincode.model.ConsentItem;
import org.qcchain.chaincode.model.ConsentMode;
import org.qcchain.chaincode.model.ConsentTerms;
import org.qcchain.chaincode.model.FetchType;
import org.qcchain.chaincode.model.Period;
import org.qcchain.chaincode.model.PeriodUnit;
import org.qcchain.common.crypto.Pseudonymizer;
import org.qcchain.common.json.Json;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerBackend;

/**
 * Agreements (consumer asks, provider approves) and consents (recorded by the citizen app) for the
 * demo's services, so that their requests are granted. Each is the organisation's own signed
 * command, submitted by the Bureau's node ({@link DemoRelay}), as a deployment where the banks and
 * the citizen app run no node of their own makes them.
 */
final class DemoAgreements {

    private final DemoRelay relay;
    private final DemoPki pki;

    DemoAgreements(LedgerBackend ledger, DemoPki pki) {
        this.relay = new DemoRelay(ledger, pki.node());
        this.pki = pki;
    }

    /**
     * Makes every service's agreements and records the consents of citizens {@code 0} to {@code
     * citizens - 1} for each.
     */
    void agreeAndConsentAll(int citizens, Pseudonymizer pseudonyms, PrintStream out) throws ChaincodeFailure {
        out.println("making agreements and recording consents of " + citizens + " citizens");
        for (DemoService service : DemoService.all()) {
            agree(service);
            for (int citizen = 0; citizen < citizens; citizen++) {
                consent(service, citizen, pseudonyms);
            }
        }
    }

    void agree(DemoService service) throws ChaincodeFailure {
        Instant now = Instant.now();
        for (Map.Entry<String, List<String>> item : new java.util.TreeMap<>(service.fields()).entrySet()) {
            String agreementId = "agr-" + service.consumerMspId().toLowerCase(java.util.Locale.ROOT)
                    + "-" + item.getKey();
            relay.submit(pki.client(service.consumerMspId()), "Agreements:requestAgreement",
                    Json.write(new AgreementProposal(agreementId, item.getKey(), item.getValue(),
                            List.of(service.purpose()), now.minus(Duration.ofMinutes(5)).toString(),
                            now.plus(Duration.ofDays(365)).toString())));
            relay.submit(pki.client(DemoCatalogue.providerOf(item.getKey())), "Agreements:approveAgreement",
                    Json.write(new AgreementApproval(agreementId, null, null, null, "demo")));
        }
    }

    void consent(DemoService service, int citizen, Pseudonymizer pseudonyms) throws ChaincodeFailure {
        Instant now = Instant.now();
        String subject = pseudonyms.pseudonym("RESIDENT_ID", SyntheticRecords.residentId(citizen));
        List<ConsentItem> items = new java.util.TreeMap<>(service.fields()).entrySet().stream()
                .map(e -> new ConsentItem(e.getKey(), e.getValue())).toList();
        ConsentTerms terms = new ConsentTerms(service.consentId(citizen), subject, service.consumerMspId(), items,
                service.purpose(), ConsentMode.VIEW, FetchType.PERIODIC, new Period(PeriodUnit.DAY, 100), 1000L,
                null, new Period(PeriodUnit.DAY, 30), now.minus(Duration.ofMinutes(5)).toString(),
                now.plus(Duration.ofDays(180)).toString());
        relay.submit(pki.client(DemoOrganisation.CITIZEN_APP), "Consents:grantConsent",
                Json.write(new ConsentGrant(terms, null)));
    }
}
