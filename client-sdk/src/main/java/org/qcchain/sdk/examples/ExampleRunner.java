package org.qcchain.sdk.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.qcchain.sdk.QcchainApiException;
import org.qcchain.sdk.examples.ExampleArgs.UsageException;
import org.qcchain.sdk.verify.ChainVerificationException;
import org.qcchain.sdk.verify.VerificationException;

/**
 * Runs an example's body and turns its outcome into an exit code, so that a script (or a test)
 * can tell "the data did not verify" from "the node said no" from "nothing answered":
 *
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><td>0</td><td>done, everything verified</td></tr>
 *   <tr><td>1</td><td>{@code NOT VERIFIED}: the answer or the chain failed a check; the
 *       {@link org.qcchain.sdk.verify.VerificationFailure} is printed</td></tr>
 *   <tr><td>2</td><td>{@code REFUSED}: the node refused or the ledger denied; the
 *       {@link org.qcchain.common.error.ErrorCode} (and a denial's access id) is printed</td></tr>
 *   <tr><td>3</td><td>{@code CANNOT READ}: the node did not answer, or the data folder is not a demo's</td></tr>
 *   <tr><td>64</td><td>the command line is wrong</td></tr>
 *   <tr><td>70</td><td>anything else (a bug)</td></tr>
 * </table>
 *
 * <p>Nothing here calls {@code System.exit}: only the examples' {@code main} does, so tests run
 * the same code in-process.
 */
final class ExampleRunner {

    static final int OK = 0;
    static final int NOT_VERIFIED = 1;
    static final int REFUSED = 2;
    static final int UNREADABLE = 3;
    static final int USAGE = 64;
    static final int BUG = 70;

    /** What the exit codes mean, for every example's {@code --help}. */
    static final String EXIT_CODES = "exit codes: 0 verified; 1 NOT VERIFIED (VerificationFailure printed);"
            + " 2 REFUSED by the node (ErrorCode and access id printed); 3 node or data folder unreadable;"
            + " 64 usage";

    /** An example's work, given its arguments, the demo folder and where to print. */
    @FunctionalInterface
    interface Body {
        void run(ExampleArgs args, DemoFolder demo, PrintStream out) throws Exception;
    }

    private ExampleRunner() {}

    /**
     * Parses the arguments, prints {@code --help}, opens the demo folder and runs the body.
     *
     * @param usage the example's usage text
     * @param options the options it takes besides {@link ExampleArgs#COMMON}
     * @param args the command line
     * @param out where everything goes, failures included (one stream keeps their order)
     * @param body the example's work
     * @return the exit code
     */
    static int run(String usage, List<String> options, String[] args, PrintStream out, Body body) {
        try {
            ExampleArgs parsed = ExampleArgs.parse(args, options);
            if (parsed.help()) {
                out.println(usage);
                out.println(EXIT_CODES);
                return OK;
            }
            body.run(parsed, new DemoFolder(parsed.data()), out);
            return OK;
        } catch (UsageException e) {
            out.println(e.getMessage());
            out.println(usage);
            return USAGE;
        } catch (ChainVerificationException e) {
            out.println("NOT VERIFIED: " + e.failure() + " at block " + e.blockNumber() + " (" + e.getMessage() + ")");
            return NOT_VERIFIED;
        } catch (VerificationException e) {
            out.println("NOT VERIFIED: " + e.failure() + " (" + e.getMessage() + "); do not use the data");
            return NOT_VERIFIED;
        } catch (QcchainApiException e) {
            out.println("REFUSED: " + e.getErrorCode().code() + " (HTTP " + e.status() + "): " + e.detail()
                    + e.accessId().map(id -> "\n  access id " + id + " (the ledger recorded the denial)").orElse(""));
            return REFUSED;
        } catch (IOException e) {
            out.println("CANNOT READ the node or the data folder: " + e);
            return UNREADABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("interrupted");
            return BUG;
        } catch (Exception e) {
            out.println("FAILED: " + e);
            return BUG;
        }
    }
}
