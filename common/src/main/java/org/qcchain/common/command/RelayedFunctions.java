package org.qcchain.common.command;

import java.util.List;

/**
 * The contract functions an organisation may have relayed, and the names of their relayed forms.
 * A relayed form takes the function's own arguments followed by the {@link CommandEnvelope}, and
 * refuses the envelope unless its command names the function and exactly those arguments.
 *
 * <pre>{@code
 * ledger.submit(node, RelayedFunctions.relayedForm(command.function()), args..., envelopeJson);
 * }</pre>
 */
public final class RelayedFunctions {

    /** What a function's relayed form appends to its name. */
    public static final String SUFFIX = "Relayed";

    /** The functions with a relayed form, as a command names them. */
    public static final List<String> FUNCTIONS = List.of(
            "Consents:grantConsent", "Consents:pauseConsent", "Consents:resumeConsent", "Consents:revokeConsent",
            "Agreements:requestAgreement", "Agreements:approveAgreement", "Agreements:rejectAgreement",
            "Agreements:terminateAgreement");

    private RelayedFunctions() {}

    /**
     * The name of a function's relayed form.
     *
     * @param function a function of {@link #FUNCTIONS}, e.g. {@code Consents:grantConsent}
     * @return e.g. {@code Consents:grantConsentRelayed}
     * @throws IllegalArgumentException for a function without a relayed form
     */
    public static String relayedForm(String function) {
        if (!FUNCTIONS.contains(function)) {
            throw new IllegalArgumentException("'" + function + "' has no relayed form; these have: " + FUNCTIONS);
        }
        return function + SUFFIX;
    }
}
