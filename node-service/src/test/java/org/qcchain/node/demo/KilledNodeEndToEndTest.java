package org.qcchain.node.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.node.NodeMain;
import org.qcchain.node.answer.DatasetCoverage;
import org.qcchain.node.cli.Cli;
import org.qcchain.node.cli.ExitCodes;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.platform.NodePlatform;
import org.qcchain.node.store.ProviderStore;

/**
 * The whole node as its own process ({@code qcchain start} on a demo folder), killed with SIGKILL
 * while banks' data requests and a provider's uploads are under way, then opened again: what was
 * acknowledged must all be there. Every answer a bank received has its delivery receipt on the
 * ledger with the hash of the very bytes received (kept in the outbox before the answer left, and
 * recorded after the restart if the kill came first); every upload answered 201 is in the store;
 * the ledger and the stores verify.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KilledNodeEndToEndTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+) ");
    private static final DemoService LOAN = DemoService.all().get(0);
    private static final String VEHICLES = DemoCatalogue.VEHICLES;
    private static final int ANSWERS_BEFORE_KILL = 60;
    private static final int UPLOADS_BEFORE_KILL = 6;
    /** Concurrent bank clients, each with citizens of its own: no two requests race for one consent. */
    private static final int CLIENTS = 4;

    @TempDir
    Path folder;
    /** The child's standard error, apart from its data folder. */
    @TempDir
    Path logs;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Answers received: access id → the body's bytes hashed as the node's receipt hashes them. */
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final AtomicInteger uploadsAcknowledged = new AtomicInteger();
    private final AtomicInteger uploadsSent = new AtomicInteger();
    /** Any other answer before the kill: a client thread cannot fail the test itself. */
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

    @Test
    void a_node_killed_under_load_opens_again_with_every_answer_receipted_and_every_upload_kept() throws Exception {
        DemoPki pki;
        String[] subjects = new String[DemoPlatform.CONSENTING_CITIZENS];
        try (DemoPlatform demo = DemoPlatform.create(folder, 70, 29L, new PrintStream(OutputStream.nullOutputStream()))) {
            pki = demo.pki();
            for (int citizen = 0; citizen < subjects.length; citizen++) {
                subjects[citizen] = demo.subject(citizen);
            }
        }
        long vehiclesBefore = vehicleRecords();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch enough = new CountDownLatch(1);
        boolean loaded;
        Process node = null;
        try {
            node = startNode();
            int port = portOf(node);
            for (int client = 0; client < CLIENTS; client++) {
                int first = client;
                clients.execute(() -> requestUntilKilled(port, pki.client(DemoOrganisation.BANK), subjects, first,
                        killed, enough));
            }
            clients.execute(() -> uploadUntilKilled(port, pki.client(DemoOrganisation.VEHICLES), killed, enough));
            // a client that met anything but success stops; the rest may then never get enough
            loaded = enough.await(2, TimeUnit.MINUTES);
        } finally {
            // SIGKILL: no shutdown hook runs, requests in flight are cut off
            if (node != null) {
                node.toHandle().destroyForcibly();
                node.waitFor(30, TimeUnit.SECONDS);
            }
            killed.set(true);
            clients.shutdownNow();
        }
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(loaded).as("answers and uploads before the kill; unexpected: %s", unexpected).isTrue();
        assertThat(unexpected).isEmpty();
        assertThat(answered).hasSizeGreaterThanOrEqualTo(ANSWERS_BEFORE_KILL);

        try (NodePlatform platform = NodePlatform.open(folder)) {
            assertThat(platform.ledger().verify((verified, height) -> { }).path("intact").asBoolean()).isTrue();
            assertThat(platform.coverage().storeStatuses()).allSatisfy(store ->
                    assertThat(store.state()).as(store.mspId()).isEqualTo(DatasetCoverage.State.UP));
            for (Map.Entry<String, String> answer : answered.entrySet()) {
                assertThat(recordedAnswerHash(platform, answer.getKey())).as("receipt of " + answer.getKey())
                        .isEqualTo(answer.getValue());
            }
            ProviderStore vehicles = platform.stores().find(DemoOrganisation.VEHICLES).orElseThrow();
            long stored = vehicles.recordCount(VEHICLES) + vehicles.pendingCount(VEHICLES) - vehiclesBefore;
            assertThat(stored).as("uploads kept").isBetween((long) uploadsAcknowledged.get(), (long) uploadsSent.get());
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Cli.standard().run(new String[] {"verify", "--data", folder.toString()},
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of())).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
    }

    private Process startNode() throws Exception {
        // C1 only: the child starts in a few seconds and lives for a few more, too short for C2 to pay
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), NodeMain.class.getName(),
                "start")
                .redirectError(logs.resolve("node.err").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QCCHAIN_"));
        builder.environment().put("QCCHAIN_DATA_DIR", folder.toString());
        builder.environment().put("QCCHAIN_HTTP_PORT", "0");
        return builder.start();
    }

    /**
     * Reads the banner for the port, within a minute (a reader thread: a read cannot be
     * interrupted), then drains the node's output so that it never blocks on it.
     */
    private static int portOf(Process node) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            List<String> seen = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher banner = LISTENING.matcher(line);
                    if (banner.find()) {
                        port.complete(Integer.parseInt(banner.group(1)));
                    } else if (!port.isDone()) {
                        seen.add(line);
                    }
                }
            } catch (IOException e) {
                // the node is gone
            }
            port.completeExceptionally(new AssertionError("the node ended before listening: " + seen));
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
        return port.get(1, TimeUnit.MINUTES);
    }

    private void requestUntilKilled(int port, LedgerIdentity bank, String[] subjects, int first, AtomicBoolean killed,
            CountDownLatch enough) {
        int own = (subjects.length - first + CLIENTS - 1) / CLIENTS; // citizens first, first + CLIENTS, ...
        for (int n = 0; !killed.get(); n++) {
            int citizen = first + CLIENTS * (n % own);
            String body = TryRequest.signedRequest(bank, subjects[citizen], LOAN.consentId(citizen), LOAN.purpose(),
                    LOAN.items());
            HttpResponse<byte[]> response = post(port, bank, "/v1/data-requests", "application/json", body);
            if (response == null) {
                continue; // the node is gone: the test kills it, or has
            }
            if (response.statusCode() != 200) {
                unexpected.add(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
                return;
            }
            DataAnswer answer = DataAnswer.fromJson(new String(response.body(), StandardCharsets.UTF_8));
            answered.put(answer.access().record().path("accessId").asText(),
                    CryptoSuite.P256_SHA256.hashHex(response.body()));
            countDownWhenEnough(enough);
        }
    }

    private void uploadUntilKilled(int port, LedgerIdentity provider, AtomicBoolean killed, CountDownLatch enough) {
        for (int sequence = 0; !killed.get(); sequence++) {
            String record = "{\"subjectType\":\"RESIDENT_ID\",\"subjectNumber\":\"" + SyntheticRecords.residentId(
                    9_000 + sequence) + "\",\"fields\":{\"plate\":\"鲁K" + (10_000 + sequence) + "\",\"brand\":\"吉利\"}}";
            uploadsSent.incrementAndGet();
            HttpResponse<byte[]> response = post(port, provider, "/v1/datasets/" + VEHICLES + "/records",
                    "application/json", record);
            if (response == null) {
                continue;
            }
            if (response.statusCode() != 201) {
                unexpected.add(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
                return;
            }
            uploadsAcknowledged.incrementAndGet();
            countDownWhenEnough(enough);
        }
    }

    private void countDownWhenEnough(CountDownLatch enough) {
        if (answered.size() >= ANSWERS_BEFORE_KILL && uploadsAcknowledged.get() >= UPLOADS_BEFORE_KILL) {
            enough.countDown();
        }
    }

    /** The answer, or null when the node did not answer (killed, or its connection cut). */
    private HttpResponse<byte[]> post(int port, LedgerIdentity who, String target, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        RequestSigner.create(who.mspId(), who.identity()).sign("POST", target, bytes).asMap().forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The answer hash the delivery receipt recorded, waited for: the node records owed receipts as it opens. */
    private static String recordedAnswerHash(NodePlatform platform, String accessId) throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            JsonNode record = Json.tree(platform.ledger().evaluate(platform.node(), "Access:getAccessRecord",
                    accessId));
            if (record.hasNonNull("answerHash")) {
                return record.path("answerHash").asText();
            }
            Thread.sleep(50);
        }
        return null;
    }

    private long vehicleRecords() {
        try (NodePlatform platform = NodePlatform.open(folder)) {
            ProviderStore vehicles = platform.stores().find(DemoOrganisation.VEHICLES).orElseThrow();
            return vehicles.recordCount(VEHICLES) + vehicles.pendingCount(VEHICLES);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
