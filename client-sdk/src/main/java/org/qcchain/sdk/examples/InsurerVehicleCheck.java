package org.qcchain.sdk.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.qcchain.sdk.verify.VerifiedAnswer;
import org.qcchain.sdk.verify.VerifiedRecord;

/**
 * 政保通: a motor insurer checks, for a claim, the vehicle's registration and its owner's traffic
 * record, with the owner's consent, and uses the values only after they verified. Runs against a
 * {@code qcchain demo} node:
 *
 * <pre>
 * java -cp client-sdk/target/qcchain-client-sdk-*-examples.jar org.qcchain.sdk.examples.InsurerVehicleCheck \
 *     --data data/demo --endpoint http://127.0.0.1:8080 [--subject-index 0]
 * </pre>
 */
public final class InsurerVehicleCheck {

    static final String VEHICLES = "vehicle.registration";
    static final String VIOLATIONS = "traffic.violations";

    /** Exactly what the demo's 政保通 consent covers. */
    static final DataCheck CHECK = new DataCheck("MotorInsurerMSP", "MOTOR_CLAIM", Map.of(
            VEHICLES, List.of("plate", "brand", "usage", "status"),
            VIOLATIONS, List.of("date", "offence", "points", "dishonestListed")));

    static final String USAGE = """
            InsurerVehicleCheck [--data DIR] [--endpoint URL] [--subject-index N]
              The insurer (MotorInsurerMSP) asks a demo node for a vehicle owner's registrations and
              traffic violations for a claim, verifies the answer and prints the values and the access id.
              --data DIR          the folder 'qcchain demo' wrote (default data/demo)
              --endpoint URL      the demo node (default http://127.0.0.1:8080)
            """ + DataCheck.SUBJECT_HELP;

    private InsurerVehicleCheck() {}

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
            print.println("政保通: motor claim check");
            VerifiedAnswer answer = CHECK.run(options, demo, print);
            summary(answer, print);
        });
    }

    /** What a claims handler reads; every value comes from the verified answer. */
    private static void summary(VerifiedAnswer answer, PrintStream out) {
        for (VerifiedRecord vehicle : answer.records(VEHICLES)) {
            out.println("vehicle: " + vehicle.text("plate") + " " + vehicle.text("brand") + ", "
                    + vehicle.text("usage") + ", " + vehicle.text("status"));
        }
        List<VerifiedRecord> violations = answer.records(VIOLATIONS);
        long points = violations.stream().mapToLong(v -> v.values().get("points").asLong()).sum();
        boolean listed = violations.stream().anyMatch(v -> v.values().get("dishonestListed").asBoolean());
        out.println("owner: " + violations.size() + " violation(s), " + points + " points in total, "
                + (listed ? "ON" : "not on") + " the dishonest list");
    }
}
