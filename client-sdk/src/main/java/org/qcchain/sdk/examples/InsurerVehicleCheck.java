package org.qcchain.sdk.examples;

import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pseudonymizer;
import org.qcchain.sdk.DataRequest;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.verify.VerifiedAnswer;

/**
 * An insurer (政保通) checks a vehicle's registration and its owner's traffic record before
 * quoting a motor policy or settling a claim.
 */
public final class InsurerVehicleCheck {

    private InsurerVehicleCheck() {}

    /** @param args see {@code --help} */
    public static void main(String[] args) throws Exception {
        ExampleSupport support = new ExampleSupport(args, "InsurerVehicleCheck --endpoint URL --data DIR --owner-id"
                + " RESIDENT_ID --consent CONSENT_ID [--insurer InsurerMSP]\n  asks for vehicle.registration and"
                + " traffic.violations of the owner and prints the verified values");
        String insurer = support.options.getOrDefault("insurer", "InsurerMSP");
        Identity underwriter = support.identity(insurer);
        Pseudonymizer pseudonyms = support.pseudonyms(underwriter.suite());
        QcchainClient client = support.client(insurer, underwriter);

        DataRequest request = DataRequest.builder().consumer(insurer)
                .subject(pseudonyms.pseudonym("RESIDENT_ID", support.require("owner-id")))
                .consent(support.require("consent")).purpose("MOTOR_CLAIM")
                .item("vehicle.registration", "plate", "model", "registeredAt", "status")
                .item("traffic.violations", "points", "openViolations")
                .build();
        VerifiedAnswer answer = client.requestData(request.sign(underwriter));

        answer.records().forEach((dataset, records) -> records.forEach(
                record -> System.out.println(dataset + " " + record.values())));
    }
}
