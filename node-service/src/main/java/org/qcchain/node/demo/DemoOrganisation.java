package org.qcchain.node.demo;

import java.util.List;
import org.qcchain.chaincode.model.Role;

/**
 * One organisation of the demo network.
 *
 * @param mspId its MSP id
 * @param name its display name (Chinese and English)
 * @param roles what it may do
 */
public record DemoOrganisation(String mspId, String name, List<Role> roles) {

    /** The Big Data Bureau runs the node. */
    public static final String BUREAU = "BureauMSP";
    /** Source units. */
    public static final String VEHICLES = "VehicleAdminMSP";
    public static final String SOCIAL_INSURANCE = "SocialInsuranceMSP";
    public static final String PROVIDENT_FUND = "ProvidentFundMSP";
    public static final String REAL_ESTATE = "RealEstateMSP";
    public static final String MARKET = "MarketRegulationMSP";
    public static final String HOSPITAL = "HospitalMSP";
    /** Banks and insurers. */
    public static final String BANK = "QiluBankMSP";
    public static final String RURAL_BANK = "RuralBankMSP";
    public static final String MOTOR_INSURER = "MotorInsurerMSP";
    public static final String HEALTH_INSURER = "HealthInsurerMSP";
    /** The citizen app and the audit office. */
    public static final String CITIZEN_APP = "CitizenAppMSP";
    public static final String AUDIT_OFFICE = "AuditOfficeMSP";

    /**
     * The organisations, the Bureau first. The Bureau is OPERATOR only: its node reads the access
     * trail and subjects' consents with its own identity on behalf of the callers it authenticated,
     * under the chaincode's explicit operator right to read for relaying, and applies the
     * per-caller rule itself. It is not made an AUDITOR: the operator does not audit itself.
     *
     * @return the organisations
     */
    public static List<DemoOrganisation> all() {
        return List.of(
                new DemoOrganisation(BUREAU, "济南市大数据局 Big Data Bureau", List.of(Role.OPERATOR)),
                new DemoOrganisation(VEHICLES, "车辆管理所 Vehicle Administration", List.of(Role.PROVIDER)),
                new DemoOrganisation(SOCIAL_INSURANCE, "社会保险事业中心 Social Insurance Centre",
                        List.of(Role.PROVIDER)),
                new DemoOrganisation(PROVIDENT_FUND, "住房公积金中心 Housing Provident Fund Centre",
                        List.of(Role.PROVIDER)),
                new DemoOrganisation(REAL_ESTATE, "不动产登记中心 Real-Estate Registry", List.of(Role.PROVIDER)),
                new DemoOrganisation(MARKET, "市场监督管理局 Market Regulation", List.of(Role.PROVIDER)),
                new DemoOrganisation(HOSPITAL, "市中心医院 Central Hospital", List.of(Role.PROVIDER)),
                new DemoOrganisation(BANK, "齐鲁示范银行 Qilu Demo Bank", List.of(Role.CONSUMER)),
                new DemoOrganisation(RURAL_BANK, "农商示范银行 Rural Demo Bank", List.of(Role.CONSUMER)),
                new DemoOrganisation(MOTOR_INSURER, "示范财产保险 Motor Demo Insurer", List.of(Role.CONSUMER)),
                new DemoOrganisation(HEALTH_INSURER, "示范健康保险 Health Demo Insurer", List.of(Role.CONSUMER)),
                new DemoOrganisation(CITIZEN_APP, "爱山东 Citizen App", List.of(Role.IDENTITY_PROVIDER)),
                new DemoOrganisation(AUDIT_OFFICE, "审计局 Audit Office", List.of(Role.AUDITOR)));
    }
}
