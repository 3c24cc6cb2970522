package org.qcchain.node.http;

import java.util.Objects;
import java.util.Optional;
import org.qcchain.common.crypto.Pseudonymizer;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.answer.DataRequestService;
import org.qcchain.node.answer.DatasetCoverage;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.metrics.DataRequestPhases;
import org.qcchain.node.store.RecordUploads;

/**
 * What the data routes work with: the ledger, the node's identity, the data request service; on a
 * node hosting provider stores, the record uploads; for the routes that take a subject's
 * identifier, the platform's pseudonymizer. A node started without a ledger ({@link #none()})
 * still serves every route of the contract; the data routes then answer {@code
 * LEDGER_UNAVAILABLE} (503), and so do the upload routes of a node without provider stores and the
 * subject routes of a node without the platform key.
 */
public final class NodeServices {

    private final LedgerBackend ledger;
    private final LedgerIdentity node;
    private final DataRequestService dataRequests;
    private final RecordUploads uploads;
    private final Pseudonymizer pseudonyms;

    private NodeServices(LedgerBackend ledger, LedgerIdentity node, DataRequestService dataRequests,
            RecordUploads uploads, Pseudonymizer pseudonyms) {
        this.ledger = ledger;
        this.node = node;
        this.dataRequests = dataRequests;
        this.uploads = uploads;
        this.pseudonyms = pseudonyms;
    }

    /**
     * The services of a node on a ledger.
     *
     * @param ledger the ledger
     * @param node the node's identity
     * @param dataRequests the data request service
     * @return the services
     */
    public static NodeServices of(LedgerBackend ledger, LedgerIdentity node, DataRequestService dataRequests) {
        return new NodeServices(Objects.requireNonNull(ledger, "ledger"), Objects.requireNonNull(node, "node"),
                Objects.requireNonNull(dataRequests, "dataRequests"), null, null);
    }

    /**
     * The services of a node on a ledger that also holds the platform key, so that it serves the
     * data subject's routes ({@code /v1/subjects/...}), which take identifiers and pseudonymise
     * them.
     *
     * @param ledger the ledger
     * @param node the node's identity
     * @param dataRequests the data request service
     * @param pseudonyms the platform's pseudonymizer (the key in the data folder's {@code platform.key})
     * @return the services
     */
    public static NodeServices of(LedgerBackend ledger, LedgerIdentity node, DataRequestService dataRequests,
            Pseudonymizer pseudonyms) {
        return of(ledger, node, dataRequests).withPseudonyms(pseudonyms);
    }

    /**
     * These services with provider record uploads ({@code POST /v1/datasets/{id}/records} and
     * {@code /anchors}); without them those routes answer {@code LEDGER_UNAVAILABLE} (503).
     *
     * @param uploads the uploads into this node's provider stores
     * @return the services
     */
    public NodeServices withUploads(RecordUploads uploads) {
        return new NodeServices(ledger, node, dataRequests, Objects.requireNonNull(uploads, "uploads"), pseudonyms);
    }

    /**
     * These services with the platform's pseudonymizer, for the subject routes.
     *
     * @param pseudonyms the platform's pseudonymizer
     * @return the services
     */
    public NodeServices withPseudonyms(Pseudonymizer pseudonyms) {
        return new NodeServices(ledger, node, dataRequests, uploads, Objects.requireNonNull(pseudonyms, "pseudonyms"));
    }

    /** @return the services of a node without a ledger */
    public static NodeServices none() {
        return new NodeServices(null, null, null, null, null);
    }

    /** @return the ledger, if there is one */
    public Optional<LedgerBackend> ledgerIfAny() {
        return Optional.ofNullable(ledger);
    }

    /** @return which datasets the node's stores can answer for, if the node answers data requests */
    public Optional<DatasetCoverage> coverageIfAny() {
        return Optional.ofNullable(dataRequests).map(DataRequestService::coverage);
    }

    /** @return where the node's data requests spend their time, if it answers data requests */
    public Optional<DataRequestPhases> dataRequestPhasesIfAny() {
        return Optional.ofNullable(dataRequests).map(DataRequestService::phases);
    }

    LedgerBackend ledger() {
        return require(ledger);
    }

    LedgerIdentity node() {
        return require(node);
    }

    DataRequestService dataRequests() {
        return require(dataRequests);
    }

    RecordUploads uploads() {
        require(ledger);
        if (uploads == null) {
            throw new ApiException(ErrorCode.LEDGER_UNAVAILABLE, "this node hosts no provider record stores");
        }
        return uploads;
    }

    Pseudonymizer pseudonyms() {
        if (pseudonyms == null) {
            throw new ApiException(ErrorCode.LEDGER_UNAVAILABLE, ledger == null ? "this node runs without a ledger"
                    : "this node holds no platform key, so it cannot pseudonymise identifiers");
        }
        return pseudonyms;
    }

    private static <T> T require(T service) {
        if (service == null) {
            throw new ApiException(ErrorCode.LEDGER_UNAVAILABLE, "this node runs without a ledger");
        }
        return service;
    }
}
