package org.qcchain.node.demo;

import java.util.List;
import java.util.Map;
import org.qcchain.chaincode.model.RequestedItem;

/**
 * One of the demo's three services: a consumer, a purpose and the fields of each dataset it asks
 * for. Agreements and consents are made to match exactly.
 *
 * @param name the service's name
 * @param consumerMspId the bank or insurer
 * @param purpose the purpose code
 * @param fields per dataset, the fields asked for
 */
public record DemoService(String name, String consumerMspId, String purpose, Map<String, List<String>> fields) {

    /** @return the three services */
    public static List<DemoService> all() {
        return List.of(
                new DemoService("泉城链+普惠金融 (bank loan)", DemoOrganisation.BANK, "LOAN_UNDERWRITING", Map.of(
                        DemoCatalogue.SOCIAL_INSURANCE, List.of("employer", "monthsPaid", "status"),
                        DemoCatalogue.PROVIDENT_FUND, List.of("monthlyDeposit", "monthsPaid", "status"),
                        DemoCatalogue.REAL_ESTATE, List.of("district", "area", "mortgaged"))),
                new DemoService("政保通 (motor insurance)", DemoOrganisation.MOTOR_INSURER, "MOTOR_CLAIM", Map.of(
                        DemoCatalogue.VEHICLES, List.of("plate", "brand", "usage", "status"),
                        DemoCatalogue.VIOLATIONS, List.of("date", "offence", "points", "dishonestListed"))),
                new DemoService("保医通 (health insurance)", DemoOrganisation.HEALTH_INSURER, "HEALTH_CLAIM", Map.of(
                        DemoCatalogue.HOSPITAL, List.of("date", "department", "amount", "insuredAmount"))));
    }

    /** @return the requested items, in dataset-id order */
    public List<RequestedItem> items() {
        return new java.util.TreeMap<>(fields).entrySet().stream()
                .map(e -> new RequestedItem(e.getKey(), e.getValue())).toList();
    }

    /**
     * The consent id of this service for a citizen.
     *
     * @param citizen the citizen's index
     * @return e.g. {@code consent-loan_underwriting-0003}
     */
    public String consentId(int citizen) {
        return String.format("consent-%s-%04d", purpose.toLowerCase(java.util.Locale.ROOT), citizen);
    }
}
