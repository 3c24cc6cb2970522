package org.qcchain.node.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qcchain.common.io.DurableFiles;
import org.qcchain.common.json.Json;

/**
 * Writes {@value TryRequest#EXAMPLE_FILE}: the first service's request for a citizen, ready for
 * {@link TryRequest} to sign and send.
 */
final class DemoExample {

    private DemoExample() {}

    static void write(Path dataDir, DemoService service, int citizen, String subject) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("service", service.name());
        example.put("consumerMspId", service.consumerMspId());
        example.put("subject", subject);
        example.put("consentId", service.consentId(citizen));
        example.put("purpose", service.purpose());
        example.put("items", service.items());
        try {
            DurableFiles.replace(dataDir.resolve(TryRequest.EXAMPLE_FILE),
                    (Json.write(example) + "\n").getBytes(StandardCharsets.UTF_8), DurableFiles.Access.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the example request", e);
        }
    }
}
