package org.qcchain.sdk.examples;

import org.qcchain.common.crypto.Identity;
import org.qcchain.sdk.DataRequest;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.verify.VerifiedAnswer;
import org.qcchain.sdk.verify.VerifiedRecord;

/**
 * A bank (普惠金融) checks a loan applicant's social-insurance contributions and provident-fund
 * account, with the applicant's consent, and uses the values only after they verified.
 */
public final class BankLoanCheck {

    private BankLoanCheck() {}

    /** @param args see {@code --help} */
    public static void main(String[] args) throws Exception {
        ExampleSupport support = new ExampleSupport(args, "BankLoanCheck --endpoint URL --data DIR --id RESIDENT_ID"
                + " --consent CONSENT_ID [--bank BankMSP]\n  asks for social.insurance.contributions and"
                + " provident.fund.accounts of the applicant and prints the verified values");
        String bank = support.options.getOrDefault("bank", "BankMSP");
        Identity officer = support.identity(bank);
        String subject = support.pseudonyms(officer.suite()).pseudonym("RESIDENT_ID", support.require("id"));
        QcchainClient client = support.client(bank, officer);

        DataRequest request = DataRequest.builder().consumer(bank).subject(subject)
                .consent(support.require("consent")).purpose("LOAN_UNDERWRITING")
                .item("social.insurance.contributions", "paidMonths", "monthlyBase")
                .item("provident.fund.accounts", "balance", "status")
                .build();
        VerifiedAnswer answer = client.requestData(request.sign(officer));   // throws if it does not verify

        System.out.println("access " + answer.accessId() + ", keep until " + answer.retainUntil().orElse(null));
        for (var dataset : answer.records().entrySet()) {
            for (VerifiedRecord record : dataset.getValue()) {
                System.out.println(dataset.getKey() + " " + record.values() + " (anchored by "
                        + record.anchor().providerMspId() + " in block " + record.anchor().position().blockNumber() + ")");
            }
        }
    }
}
