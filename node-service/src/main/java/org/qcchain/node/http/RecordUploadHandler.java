package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qcchain.chaincode.model.Dataset;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;
import org.qcchain.node.auth.Caller;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.store.CsvSource;
import org.qcchain.node.store.JsonRecordSource;
import org.qcchain.node.store.NdjsonSource;
import org.qcchain.node.store.RecordUploads;
import org.qcchain.node.store.SourceAdapter;

/**
 * {@code POST /v1/datasets/{id}/records} (PROVIDER, the dataset's source only): stores records
 * for the dataset, to be anchored by {@code POST /v1/datasets/{id}/anchors}. The body is one
 * record ({@code application/json}) or many ({@code application/x-ndjson}, {@code text/csv}, up
 * to {@code limits.maxBulkBodyBytes}). Every row is checked (shape, catalogue fields, identifier,
 * values) in one database transaction, and the first bad row ends the upload with 400 {@code
 * INVALID_ARGUMENT} naming its line, with nothing stored. Identifiers are pseudonymised on the way
 * in and never stored, logged or echoed. 201 {@code {datasetId, stored, pending}}.
 */
final class RecordUploadHandler implements Handler<RoutingContext> {

    private final NodeServices services;

    RecordUploadHandler(NodeServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        String datasetId = ctx.pathParam("id");
        UploadFormat format = UploadFormat.of(ctx.request().getHeader("Content-Type")).orElseThrow();
        byte[] body = JsonBodies.bytes(ctx);
        LedgerBackend ledger = services.ledger();
        LedgerIdentity node = services.node();
        RecordUploads uploads = services.uploads();
        Blocking.answerJson(ctx, 201, () -> {
            Dataset dataset = ProviderDatasets.requireOwn(ledger, node, datasetId, caller);
            long stored;
            try {
                stored = uploads.stage(caller.mspId(), datasetId, dataset.fieldNames(), source(format, datasetId, body));
            } catch (IllegalArgumentException e) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, e.getMessage() + "; nothing was stored");
            } catch (UncheckedIOException e) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the body is not UTF-8 text ("
                        + e.getMessage() + "); nothing was stored");
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("datasetId", datasetId);
            answer.put("stored", stored);
            answer.put("pending", uploads.pendingCount(caller.mspId(), datasetId));
            return Json.write(answer);
        });
    }

    private static SourceAdapter source(UploadFormat format, String datasetId, byte[] body) {
        if (format == UploadFormat.JSON) {
            return new JsonRecordSource(datasetId, Json.tree(new String(body, StandardCharsets.UTF_8)));
        }
        // malformed UTF-8 is an error, not silently replaced
        BufferedReader text = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
        return format == UploadFormat.NDJSON ? new NdjsonSource(datasetId, text) : new CsvSource(datasetId, text);
    }
}
