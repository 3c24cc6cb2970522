package org.qcchain.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qcchain.node.auth.NonceCache;
import org.qcchain.node.auth.OrganisationDirectory;
import org.qcchain.node.metrics.HttpMetrics;

/** The served contract is the source of truth: the docs copy and the router must follow it. */
@ExtendWith(VertxExtension.class)
@Timeout(30)
class OpenApiContractTest {

    private static final Pattern PATH = Pattern.compile("^  (/\\S*):$");
    private static final Pattern METHOD = Pattern.compile("^    (get|put|post|delete|patch|head|options):$");

    @Test
    void docs_copy_is_identical_to_the_served_contract() throws IOException {
        byte[] docs = Files.readAllBytes(Path.of("..", "docs", "openapi.yaml"));

        assertThat(new String(docs, StandardCharsets.UTF_8))
                .as("docs/openapi.yaml must be a copy of node-service/src/main/resources/openapi/qcchain.yaml")
                .isEqualTo(new String(OpenApiHandler.read(), StandardCharsets.UTF_8));
    }

    @Test
    void router_serves_exactly_the_operations_of_the_contract(Vertx vertx) {
        Router router = new NodeRouter(vertx, TestNode.plainConfig(),
                OrganisationDirectory.of(Set.of()), new HttpMetrics(), new NonceCache(1000), NodeServices.none()).build();

        Set<String> routed = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() != null && route.methods() != null) {
                String path = route.getPath().replaceAll(":(\\w+)", "{$1}");
                route.methods().forEach(method -> routed.add(method.name() + " " + path));
            }
        }

        assertThat(routed).isEqualTo(contractOperations());
    }

    private static Set<String> contractOperations() {
        Set<String> operations = new TreeSet<>();
        String path = null;
        boolean inPaths = false;
        for (String line : new String(OpenApiHandler.read(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.startsWith(" ")) {
                inPaths = line.equals("paths:");
                continue;
            }
            Matcher pathMatch = PATH.matcher(line);
            Matcher methodMatch = METHOD.matcher(line);
            if (inPaths && pathMatch.matches()) {
                path = pathMatch.group(1);
            } else if (inPaths && methodMatch.matches()) {
                operations.add(methodMatch.group(1).toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        return operations;
    }
}
