package org.qcchain.node.demo;

import java.util.List;
import org.qcchain.chaincode.model.Classification;
import org.qcchain.chaincode.model.DatasetDefinition;
import org.qcchain.chaincode.model.FieldSpec;

/**
 * The demo's catalogue (资源目录): each dataset with its one provider (一数一源) and a
 * classification level per field (数据分类分级, L1 public … L4 core).
 */
public final class DemoCatalogue {

    /** Dataset ids. */
    public static final String VEHICLES = "vehicle.registration";
    public static final String VIOLATIONS = "traffic.violations";
    public static final String SOCIAL_INSURANCE = "social.insurance.contributions";
    public static final String PROVIDENT_FUND = "provident.fund.contributions";
    public static final String REAL_ESTATE = "realestate.holdings";
    public static final String BUSINESS = "business.registration";
    public static final String HOSPITAL = "hospital.visits";

    /**
     * A dataset and its provider.
     *
     * @param providerMspId the source unit
     * @param definition what it registers
     */
    public record Entry(String providerMspId, DatasetDefinition definition) {}

    private DemoCatalogue() {}

    /** @return every dataset of the demo */
    public static List<Entry> entries() {
        return List.of(
                entry(DemoOrganisation.VEHICLES, VEHICLES, "机动车登记信息", "Vehicle registration", "DAILY",
                        f("plate", Classification.L3), f("brand", Classification.L2), f("usage", Classification.L2),
                        f("registeredOn", Classification.L2), f("status", Classification.L2)),
                entry(DemoOrganisation.VEHICLES, VIOLATIONS, "交通违法及失信人员", "Traffic violations and "
                        + "dishonest persons", "DAILY", f("date", Classification.L2), f("offence", Classification.L2),
                        f("points", Classification.L3), f("fine", Classification.L2),
                        f("dishonestListed", Classification.L3)),
                entry(DemoOrganisation.SOCIAL_INSURANCE, SOCIAL_INSURANCE, "社会保险缴费", "Social-insurance "
                        + "contributions", "MONTHLY", f("employer", Classification.L2),
                        f("monthsPaid", Classification.L3), f("baseSalary", Classification.L4),
                        f("status", Classification.L2)),
                entry(DemoOrganisation.PROVIDENT_FUND, PROVIDENT_FUND, "住房公积金缴存", "Provident-fund "
                        + "contributions", "MONTHLY", f("employer", Classification.L2),
                        f("monthlyDeposit", Classification.L4), f("monthsPaid", Classification.L3),
                        f("status", Classification.L2)),
                entry(DemoOrganisation.REAL_ESTATE, REAL_ESTATE, "不动产登记", "Real-estate holdings", "DAILY",
                        f("district", Classification.L2), f("area", Classification.L3),
                        f("use", Classification.L2), f("mortgaged", Classification.L3)),
                entry(DemoOrganisation.MARKET, BUSINESS, "市场主体登记", "Business registration", "DAILY",
                        f("companyName", Classification.L1), f("role", Classification.L2),
                        f("registeredCapital", Classification.L2), f("status", Classification.L1)),
                entry(DemoOrganisation.HOSPITAL, HOSPITAL, "就诊及费用", "Hospital visits and bills", "DAILY",
                        f("date", Classification.L2), f("department", Classification.L3),
                        f("diagnosisCode", Classification.L4), f("amount", Classification.L3),
                        f("insuredAmount", Classification.L3)));
    }

    /**
     * The provider (source unit) of a dataset of the demo.
     *
     * @param datasetId a dataset id of {@link #entries()}
     * @return its provider's MSP id
     * @throws IllegalArgumentException if the demo has no such dataset
     */
    public static String providerOf(String datasetId) {
        return entries().stream().filter(entry -> entry.definition().id().equals(datasetId))
                .map(Entry::providerMspId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo dataset " + datasetId));
    }

    private static Entry entry(String provider, String id, String titleZh, String titleEn, String frequency,
            FieldSpec... fields) {
        return new Entry(provider, new DatasetDefinition(id, titleZh, titleEn, null, List.of(fields), frequency));
    }

    private static FieldSpec f(String name, Classification level) {
        return new FieldSpec(name, level, null);
    }
}
