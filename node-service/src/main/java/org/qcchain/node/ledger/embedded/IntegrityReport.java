package org.qcchain.node.ledger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.qcchain.common.json.Json;
import org.qcchain.ledger.embedded.EmbeddedLedger;
import org.qcchain.ledger.embedded.LedgerTamperedException;
import org.qcchain.ledger.embedded.ProgressListener;
import org.qcchain.ledger.embedded.VerificationReport;

/**
 * Replays the whole ledger and reports as JSON: {@code {intact: true, height, transactions,
 * validTransactions, stateKeys, historyEntries}}, or {@code {intact: false, height, block,
 * problem}} naming the first block that fails.
 */
final class IntegrityReport {

    private IntegrityReport() {}

    static JsonNode of(EmbeddedLedger ledger, ProgressListener progress) {
        ObjectNode report = Json.mapper().createObjectNode();
        try {
            VerificationReport checked = ledger.verify(Objects.requireNonNull(progress, "progress"));
            report.put("intact", true);
            report.put("height", checked.height());
            report.put("transactions", checked.transactions());
            report.put("validTransactions", checked.validTransactions());
            report.put("stateKeys", checked.stateKeys());
            report.put("historyEntries", checked.historyEntries());
        } catch (LedgerTamperedException e) {
            report.put("intact", false);
            report.put("height", ledger.height());
            report.put("block", e.blockNumber());
            report.put("problem", e.getMessage());
        }
        return report;
    }
}
