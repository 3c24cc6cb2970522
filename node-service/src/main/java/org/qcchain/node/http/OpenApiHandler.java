package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yaml}: the API contract, {@value #RESOURCE} on the class path. That file is
 * the source of truth; {@code docs/openapi.yaml} is a copy a test keeps identical.
 */
final class OpenApiHandler implements Handler<RoutingContext> {

    /** Class-path location of the contract. */
    static final String RESOURCE = "openapi/qcchain.yaml";

    private final Buffer document;

    OpenApiHandler() {
        this.document = Buffer.buffer(read());
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(document);
    }

    /**
     * The contract's bytes.
     *
     * @return the YAML file as packaged
     */
    static byte[] read() {
        try (InputStream in = OpenApiHandler.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
