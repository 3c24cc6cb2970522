package org.qcchain.sdk.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.qcchain.sdk.verify.VerifiedAnswer;
import org.qcchain.sdk.verify.VerifiedRecord;

/**
 * 泉城链+普惠金融: a bank checks a loan applicant's social-insurance contributions and
 * housing-provident-fund account, with the applicant's consent, and uses the values only after
 * they verified. Runs against a {@code qcchain demo} node:
 *
 * <pre>
 * java -cp client-sdk/target/qcchain-client-sdk-*-examples.jar org.qcchain.sdk.examples.BankLoanCheck \
 *     --data data/demo --endpoint http://127.0.0.1:8080 [--subject-index 0]
 * </pre>
 */
public final class BankLoanCheck {

    static final String SOCIAL_INSURANCE = "social.insurance.contributions";
    static final String PROVIDENT_FUND = "provident.fund.contributions";

    /** A subset of what the demo's consent covers (it also covers real estate): ask only for what is needed. */
    static final DataCheck CHECK = new DataCheck("QiluBankMSP", "LOAN_UNDERWRITING", Map.of(
            SOCIAL_INSURANCE, List.of("employer", "monthsPaid", "status"),
            PROVIDENT_FUND, List.of("monthlyDeposit", "monthsPaid", "status")));

    static final String USAGE = """
            BankLoanCheck [--data DIR] [--endpoint URL] [--subject-index N]
              The bank (QiluBankMSP) asks a demo node for a loan applicant's social-insurance and
              provident-fund records, verifies the answer and prints the values and the access id.
              --data DIR          the folder 'qcchain demo' wrote (default data/demo)
              --endpoint URL      the demo node (default http://127.0.0.1:8080)
            """ + DataCheck.SUBJECT_HELP;

    private BankLoanCheck() {}

    /** @param args see {@code --help} */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the example without exiting.
     *
     * @param args the command line
     * @param out where to print
     * @return the exit code ({@link ExampleRunner})
     */
    public static int run(String[] args, PrintStream out) {
        return ExampleRunner.run(USAGE, List.of(DataCheck.SUBJECT_INDEX), args, out, (options, demo, print) -> {
            print.println("泉城链+普惠金融: loan applicant check");
            VerifiedAnswer answer = CHECK.run(options, demo, print);
            summary(answer, print);
        });
    }

    /** What an underwriter reads; every value comes from the verified answer. */
    private static void summary(VerifiedAnswer answer, PrintStream out) {
        for (VerifiedRecord social : answer.records(SOCIAL_INSURANCE)) {
            out.println("applicant: social insurance " + social.text("status") + ", " + social.text("monthsPaid")
                    + " months paid, employer " + social.text("employer"));
        }
        for (VerifiedRecord fund : answer.records(PROVIDENT_FUND)) {
            out.println("applicant: provident fund " + fund.text("status") + ", " + fund.text("monthlyDeposit")
                    + " a month for " + fund.text("monthsPaid") + " months");
        }
    }
}
