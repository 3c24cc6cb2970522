package org.qcchain.bench;

import java.util.List;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.ledger.embedded.ChannelMembership;

/**
 * The organisations of a Jinan-style platform in one suite: the Big Data Bureau (operator, runs the
 * node), the social-insurance bureau (provider), a bank (consumer) and the citizen app (identity
 * provider), and the channel membership that lists their CAs.
 */
final class Platform {

    static final String CHANNEL = "qcchain";
    static final String CHAINCODE = "qcchain";

    final CryptoSuite suite;
    final Organisation bureau;
    final Organisation provider;
    final Organisation bank;
    final Organisation citizenApp;
    final Identity node;

    Platform(CryptoSuite suite) {
        this.suite = suite;
        this.bureau = Organisation.create("BureauMSP", Role.OPERATOR, suite);
        this.provider = Organisation.create("SocialInsuranceMSP", Role.PROVIDER, suite);
        this.bank = Organisation.create("BankMSP", Role.CONSUMER, suite);
        this.citizenApp = Organisation.create("CitizenAppMSP", Role.IDENTITY_PROVIDER, suite);
        this.node = bureau.issueNode();
    }

    List<Organisation> organisations() {
        return List.of(bureau, provider, bank, citizenApp);
    }

    ChannelMembership membership() {
        ChannelMembership.Builder builder = ChannelMembership.builder();
        organisations().forEach(org -> builder.organisation(org.mspId(), org.caPem()));
        return builder.build();
    }
}
