package org.qcchain.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;
import org.qcchain.common.seal.SealException;
import org.qcchain.common.seal.SealedEnvelope;
import org.qcchain.common.seal.Sealer;
import org.qcchain.sdk.command.BatchStatement;
import org.qcchain.sdk.command.SignedBatchStatement;
import org.qcchain.sdk.command.SignedCommand;
import org.qcchain.sdk.internal.Syntax;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerificationFailure;
import org.qcchain.sdk.verify.VerifiedAnswer;
import org.qcchain.sdk.verify.Verifier;

/** Signs each call, maps problem documents to {@link QcchainApiException}, verifies answers. */
final class QcchainClientImpl implements QcchainClient {

    private final URI endpoint;
    private final RequestSigner signer;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Verifier verifier;
    /** The identity that opens sealed answers; null when answers are asked for in clear. */
    private final Identity sealedTo;

    QcchainClientImpl(QcchainClientBuilder builder, Verifier verifier) {
        this.endpoint = builder.endpoint;
        this.signer = RequestSigner.create(builder.mspId, builder.identity);
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (builder.tls != null) {
            http.sslContext(builder.tls);
        }
        this.http = http.build();
        this.requestTimeout = builder.requestTimeout;
        this.verifier = verifier;
        this.sealedTo = builder.sealedAnswers ? builder.identity : null;
    }

    @Override
    public VerifiedAnswer requestData(SignedDataRequest request)
            throws QcchainApiException, VerificationException, IOException {
        DataAnswer answer;
        try {
            answer = sealedTo == null
                    ? Json.parse(exchange("POST", Routes.DATA_REQUESTS, request.toJson(),
                            "application/json, application/problem+json", false).body(), DataAnswer.class)
                    : Json.parse(openedAnswer(request), DataAnswer.class);
        } catch (IllegalArgumentException | JsonInputException e) {
            throw new VerificationException(VerificationFailure.MALFORMED, "the node's answer is not a "
                    + DataAnswer.FORMAT + " document", e);
        }
        return verifier.verify(answer, request.requestHash());
    }

    /** Asks for the answer sealed to {@link #sealedTo} and opens it; a plain answer is refused. */
    private byte[] openedAnswer(SignedDataRequest request)
            throws QcchainApiException, VerificationException, IOException {
        HttpResponse<String> response = exchange("POST", Routes.DATA_REQUESTS, request.toJson(),
                SealedEnvelope.MEDIA_TYPE + ", application/problem+json", false);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith(SealedEnvelope.MEDIA_TYPE)) {
            throw new VerificationException(VerificationFailure.MALFORMED, "a sealed answer was asked for, "
                    + "the node answered '" + type + "' in clear");
        }
        try {
            return Sealer.open(sealedTo.suite(), sealedTo.privateKey(), sealedTo.certificate(), response.body());
        } catch (SealException e) {
            throw new VerificationException(VerificationFailure.MALFORMED, e.getMessage(), e);
        }
    }

    @Override
    public JsonNode grantConsent(ObjectNode grant) throws QcchainApiException, IOException {
        return call("POST", Routes.CONSENTS, grant);
    }

    @Override
    public JsonNode revokeConsent(String consentId, String reason) throws QcchainApiException, IOException {
        return call("POST", Routes.consentAction(consentId, "revoke"), ConsentTerms.statusChange(consentId, reason));
    }

    @Override
    public JsonNode grantConsent(SignedCommand command) throws QcchainApiException, IOException {
        return relay(command, "Consents:grantConsent", Routes.CONSENTS);
    }

    @Override
    public JsonNode pauseConsent(SignedCommand command) throws QcchainApiException, IOException {
        return relay(command, "Consents:pauseConsent", Routes.consentAction(consentIdOf(command), "pause"));
    }

    @Override
    public JsonNode resumeConsent(SignedCommand command) throws QcchainApiException, IOException {
        return relay(command, "Consents:resumeConsent", Routes.consentAction(consentIdOf(command), "resume"));
    }

    @Override
    public JsonNode revokeConsent(SignedCommand command) throws QcchainApiException, IOException {
        return relay(command, "Consents:revokeConsent", Routes.consentAction(consentIdOf(command), "revoke"));
    }

    @Override
    public JsonNode requestAgreement(SignedCommand command) throws QcchainApiException, IOException {
        return relay(command, "Agreements:requestAgreement", Routes.AGREEMENTS);
    }

    @Override
    public JsonNode approveAgreement(SignedCommand command) throws QcchainApiException, IOException {
        String id = Json.tree(firstArg(command)).path("agreementId").asText();
        return relay(command, "Agreements:approveAgreement", Routes.agreementAction(id, "approve"));
    }

    @Override
    public JsonNode rejectAgreement(SignedCommand command) throws QcchainApiException, IOException {
        return relay(command, "Agreements:rejectAgreement", Routes.agreementAction(firstArg(command), "reject"));
    }

    @Override
    public JsonNode terminateAgreement(SignedCommand command) throws QcchainApiException, IOException {
        return relay(command, "Agreements:terminateAgreement",
                Routes.agreementAction(firstArg(command), "terminate"));
    }

    @Override
    public JsonNode agreement(String agreementId) throws QcchainApiException, IOException {
        return call("GET", Routes.agreement(Syntax.require("agreementId", agreementId, Syntax.RECORD_ID)), null);
    }

    @Override
    public JsonNode agreements(String mspId, boolean asProvider, String bookmark)
            throws QcchainApiException, IOException {
        String query = (asProvider ? "provider=" : "consumer=") + Routes.encode(Syntax.require("mspId", mspId,
                Syntax.MSP_ID));
        if (bookmark != null && !bookmark.isEmpty()) {
            query += "&bookmark=" + Routes.encode(bookmark);
        }
        return call("GET", Routes.AGREEMENTS + "?" + query, null);
    }

    @Override
    public JsonNode anchors(String datasetId, String bookmark) throws QcchainApiException, IOException {
        String target = Routes.datasetAnchors(Syntax.require("datasetId", datasetId, Syntax.DATASET_ID));
        if (bookmark != null && !bookmark.isEmpty()) {
            target += "?bookmark=" + Routes.encode(bookmark);
        }
        return call("GET", target, null);
    }

    @Override
    public List<BatchStatement> cutBatches(String datasetId, int batchSize) throws QcchainApiException, IOException {
        Objects.requireNonNull(datasetId, "datasetId");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
        JsonNode answer = call("POST", Routes.datasetBatches(datasetId) + "?batchSize=" + batchSize, null);
        List<BatchStatement> batches = new ArrayList<>();
        for (JsonNode item : answer.path("batches")) {
            BatchStatement batch = BatchStatement.fromJson(item);
            if (!batch.datasetId().equals(datasetId)) {
                throw new IOException("the node answered a batch of " + batch.datasetId() + ", not of " + datasetId);
            }
            batches.add(batch);
        }
        return batches;
    }

    @Override
    public JsonNode anchorBatch(SignedBatchStatement signed) throws QcchainApiException, IOException {
        BatchStatement batch = Objects.requireNonNull(signed, "signed").batch();
        return call("POST", Routes.batchAnchor(batch.datasetId(), batch.batchId()), signed.toJson());
    }

    /** Sends a signed command to the route of its function; refuses one for another function. */
    private JsonNode relay(SignedCommand command, String function, String route)
            throws QcchainApiException, IOException {
        if (!command.command().function().equals(function)) {
            throw new IllegalArgumentException("the command is for " + command.command().function() + ", not "
                    + function);
        }
        return call("POST", route, command.toJson());
    }

    private static String firstArg(SignedCommand command) {
        if (command.command().args().isEmpty()) {
            throw new IllegalArgumentException("the command carries no arguments");
        }
        return command.command().args().get(0);
    }

    private static String consentIdOf(SignedCommand command) {
        return Json.tree(firstArg(command)).path("consentId").asText();
    }

    @Override
    public AccessRecordPage accessRecords(AccessRecordQuery query, String bookmark)
            throws QcchainApiException, IOException {
        JsonNode page = call("GET", Routes.ACCESS_RECORDS + "?" + query.queryString(bookmark), null);
        List<JsonNode> records = new ArrayList<>();
        page.path("records").forEach(records::add);
        return new AccessRecordPage(records, page.path("bookmark").asText(""));
    }

    @Override
    public JsonNode block(long number) throws QcchainApiException, IOException {
        return call("GET", Routes.block(number), null);
    }

    @Override
    public JsonNode transaction(String txId) throws QcchainApiException, IOException {
        return call("GET", Routes.transaction(Syntax.require("txId", txId, Syntax.TX_ID)), null);
    }

    @Override
    public WhoAmI whoami() throws QcchainApiException, IOException {
        JsonNode who = call("GET", Routes.WHOAMI, null);
        try {
            return Json.mapper().treeToValue(who, WhoAmI.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("the node's whoami answer is not understood: " + e.getMessage(), e);
        }
    }

    /** One signed call; 2xx JSON comes back as a tree, anything else as the node's problem. */
    private JsonNode call(String method, String target, JsonNode body) throws QcchainApiException, IOException {
        HttpResponse<String> response = exchange(method, target, body, "application/json, application/problem+json",
                true);
        try {
            return Json.tree(response.body());
        } catch (JsonInputException e) {
            throw new IOException(method + " " + target + " answered " + response.statusCode() + " without JSON", e);
        }
    }

    /**
     * One call accepting {@code accept}; a 2xx response comes back as it is. A data request is sent
     * without signature headers: its own signature authenticates it, and the node checks one
     * signature instead of two.
     */
    private HttpResponse<String> exchange(String method, String target, JsonNode body, String accept,
            boolean signHeaders) throws QcchainApiException, IOException {
        byte[] bytes = body == null ? new byte[0] : Json.write(body).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(target)).timeout(requestTimeout)
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (signHeaders) {
            signer.sign(method, target, bytes).asMap().forEach(request::header);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling " + method + " " + target);
        }
        if (response.statusCode() / 100 != 2) {
            throw Problems.toException(response.statusCode(), response.body());
        }
        return response;
    }

    @Override
    public String toString() {
        return "QcchainClient[" + endpoint + ", " + signer + "]";
    }

    static ErrorCode code(String text) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.name().equals(text)) {
                return code;
            }
        }
        return ErrorCode.INTERNAL_ERROR;
    }
}
