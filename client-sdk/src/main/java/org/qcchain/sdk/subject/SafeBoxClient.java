package org.qcchain.sdk.subject;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.auth.SignatureHeaders;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;
import org.qcchain.sdk.DataRequest;
import org.qcchain.sdk.QcchainApiException;
import org.qcchain.sdk.Routes;
import org.qcchain.sdk.SignedDataRequest;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerificationFailure;
import org.qcchain.sdk.verify.VerifiedAnswer;
import org.qcchain.sdk.verify.Verifier;

/**
 * The citizen app's calls for a data subject (docs/api.md, "The data subject's routes"): their own
 * records with proofs, their consents, and who used their data. Identifiers travel only in signed
 * POST bodies. Answers with records are verified like a bank's ({@link Verifier}); trail entries
 * are checked with {@link AccessTrailVerifier}.
 *
 * <pre>{@code
 * SafeBoxClient app = SafeBoxClient.create(endpoint, "CitizenAppMSP", appIdentity, verifier);
 * SubjectIdentifier citizen = SubjectIdentifier.residentId("370102199001011234");
 * SignedDataRequest request = SafeBoxClient.selfAccess("CitizenAppMSP", pseudonym, "session-42")
 *         .item("social.insurance.contributions", "employer", "paidMonths").build().sign(appIdentity);
 * VerifiedAnswer mine = app.records(citizen, request);
 * AccessTrailPage trail = app.accessRecords(citizen, null, null, 50, "");
 * }</pre>
 *
 * <p>Refusals come as {@link QcchainApiException}; connection failures as {@link IOException}.
 * Thread-safe.
 */
public final class SafeBoxClient {

    /** The purpose of a subject's access to their own records (docs/chaincode.md). */
    public static final String SUBJECT_ACCESS = "SUBJECT_ACCESS";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final RequestSigner signer;
    private final Verifier verifier;
    private final HttpClient http;

    private SafeBoxClient(URI endpoint, RequestSigner signer, Verifier verifier) {
        this.endpoint = endpoint;
        this.signer = signer;
        this.verifier = verifier;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param endpoint the node, e.g. {@code https://node1.qcchain.example:8443}
     * @param identityProvider the app's organisation (an IDENTITY_PROVIDER)
     * @param identity a member of it, which signs every call
     * @param verifier verifies the answers with records
     * @return the client
     */
    public static SafeBoxClient create(URI endpoint, String identityProvider, Identity identity, Verifier verifier) {
        return new SafeBoxClient(Objects.requireNonNull(endpoint, "endpoint"),
                RequestSigner.create(identityProvider, identity), Objects.requireNonNull(verifier, "verifier"));
    }

    /**
     * Starts the app's request for a subject's own records: purpose {@value #SUBJECT_ACCESS}, no
     * consent; the field the chaincode keeps for a consent id carries the app's reference of the
     * authentication in which the subject asked. Add items, build, and sign with the app's identity.
     *
     * @param identityProvider the app's organisation
     * @param pseudonym the subject's pseudonym under the platform key
     * @param authenticationReference the app's id of the subject's authentication, e.g. a session id
     * @return the builder
     */
    public static DataRequest.Builder selfAccess(String identityProvider, String pseudonym,
            String authenticationReference) {
        return DataRequest.builder().consumer(identityProvider).subject(pseudonym).consent(authenticationReference)
                .purpose(SUBJECT_ACCESS);
    }

    /**
     * The subject's records, verified (POST {@value Routes#SUBJECT_RECORDS}).
     *
     * @param subject the subject's identifier; the node checks the request names its pseudonym
     * @param request the app's signed {@link #selfAccess} request; good for one call
     * @return the verified answer
     * @throws QcchainApiException if the node refused, e.g. a denial ({@code accessId()} set)
     * @throws VerificationException if the answer does not verify: do not show it
     * @throws IOException if the node cannot be reached
     */
    public VerifiedAnswer records(SubjectIdentifier subject, SignedDataRequest request)
            throws QcchainApiException, VerificationException, IOException {
        ObjectNode body = identifierBody(subject);
        body.set("signedRequest", request.toJson());
        JsonNode answer = call(Routes.SUBJECT_RECORDS, body);
        DataAnswer parsed;
        try {
            parsed = Json.mapper().treeToValue(answer, DataAnswer.class);
        } catch (IOException | IllegalArgumentException | JsonInputException e) {
            throw new VerificationException(VerificationFailure.MALFORMED, "the node's answer is not a "
                    + DataAnswer.FORMAT + " document", e);
        }
        return verifier.verify(parsed, request.requestHash());
    }

    /**
     * A page of the subject's consents (POST {@value Routes#SUBJECT_CONSENTS}).
     *
     * @param subject the subject's identifier
     * @param pageSize records per page, or null for the node's default
     * @param bookmark the previous page's bookmark, or null
     * @return {@code {subject, records:[{consent, usage, inForce}], bookmark, fetched}}
     * @throws QcchainApiException if the node refused
     * @throws IOException if the node cannot be reached
     */
    public JsonNode consents(SubjectIdentifier subject, Integer pageSize, String bookmark)
            throws QcchainApiException, IOException {
        return call(Routes.SUBJECT_CONSENTS, page(identifierBody(subject), pageSize, bookmark));
    }

    /**
     * A page of who used the subject's data (POST {@value Routes#SUBJECT_ACCESS_RECORDS}); check each entry with
     * {@link AccessTrailVerifier}.
     *
     * @param subject the subject's identifier
     * @param from inclusive lower bound on the decision time, or null
     * @param to exclusive upper bound, or null
     * @param pageSize records per page, or null for the node's default
     * @param bookmark the previous page's bookmark, or null
     * @return the page, unverified
     * @throws QcchainApiException if the node refused
     * @throws IOException if the node cannot be reached or answers what is not a trail page
     */
    public AccessTrailPage accessRecords(SubjectIdentifier subject, Instant from, Instant to, Integer pageSize,
            String bookmark) throws QcchainApiException, IOException {
        ObjectNode body = page(identifierBody(subject), pageSize, bookmark);
        if (from != null) {
            body.put("from", from.toString());
        }
        if (to != null) {
            body.put("to", to.toString());
        }
        JsonNode page = call(Routes.SUBJECT_ACCESS_RECORDS, body);
        List<AccessTrailEntry> entries = new ArrayList<>();
        try {
            for (JsonNode entry : page.path("records")) {
                TransactionEvidence evidence = entry.hasNonNull("evidence")
                        ? Json.mapper().treeToValue(entry.get("evidence"), TransactionEvidence.class) : null;
                entries.add(new AccessTrailEntry(entry.get("record"), evidence, entry.path("consumerName").asText()));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("the node's trail page is not understood: " + e.getMessage(), e);
        }
        return new AccessTrailPage(page.path("subject").asText(), page.path("nodeCertificate").asText(null), entries,
                page.path("bookmark").asText(""));
    }

    private static ObjectNode identifierBody(SubjectIdentifier subject) {
        Objects.requireNonNull(subject, "subject");
        ObjectNode body = Json.mapper().createObjectNode();
        body.putObject("identifier").put("type", subject.type()).put("number", subject.number());
        return body;
    }

    private static ObjectNode page(ObjectNode body, Integer pageSize, String bookmark) {
        if (pageSize != null) {
            body.put("pageSize", pageSize);
        }
        if (bookmark != null && !bookmark.isEmpty()) {
            body.put("bookmark", bookmark);
        }
        return body;
    }

    /** One signed POST; 2xx JSON comes back as a tree, anything else as the node's problem. */
    private JsonNode call(String target, JsonNode body) throws QcchainApiException, IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        SignatureHeaders headers = signer.sign("POST", target, bytes);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(target)).timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.asMap().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling POST " + target);
        }
        JsonNode json;
        try {
            json = Json.tree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (JsonInputException e) {
            throw new IOException("POST " + target + " answered " + response.statusCode() + " without JSON", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw problem(response.statusCode(), json);
        }
        return json;
    }

    private static QcchainApiException problem(int status, JsonNode problem) {
        ErrorCode code = ErrorCode.fromMessage(problem.path("code").asText(null));
        String detail = problem.path("detail").asText(problem.path("title").asText("HTTP " + status));
        String accessId = problem.hasNonNull("accessId") ? problem.get("accessId").asText() : null;
        return new QcchainApiException(code, status, detail, accessId);
    }

    @Override
    public String toString() {
        return "SafeBoxClient[" + endpoint + ", " + signer + "]";
    }
}
