package org.qcchain.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.qcchain.common.json.Json;

/**
 * Sends pre-signed data requests to the node with a fixed number of clients, each sending its next
 * request when its answer arrives (a closed loop, as that many tellers would), over kept-alive
 * HTTP/1.1 connections from one Vert.x event loop of its own. Times each request from send to the
 * last byte of the answer; keeps every {@code sampleEvery}-th answer for verification after the
 * run. The callbacks only store what happened.
 *
 * <p>An answer that is neither kept nor a problem is read to its end and let go chunk by chunk:
 * gathering each ~47 KB answer into one buffer was ~10 % of what the whole process allocated,
 * collections the node would pay for in the same JVM.
 */
final class HttpLoad {

    private final HttpClientAgent client;
    private final Context context;
    private final int port;

    /**
     * @param options the connections' options: kept alive and without Nagle's delay are set here,
     *     TLS by the caller
     */
    HttpLoad(Vertx clientVertx, HttpClientOptions options, int port, int maxClients) {
        this.client = clientVertx.createHttpClient(options.setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(maxClients).setMaxWaitQueueSize(-1));
        this.context = clientVertx.getOrCreateContext();
        this.port = port;
    }

    /** @return the id of the client's one thread, whose CPU time is the benchmark's, not the node's */
    long threadId() throws InterruptedException {
        long[] id = new long[1];
        CountDownLatch known = new CountDownLatch(1);
        context.runOnContext(v -> {
            id[0] = Thread.currentThread().getId();
            known.countDown();
        });
        known.await();
        return id[0];
    }

    Result run(String label, List<SignedCall> calls, int clients, int sampleEvery, PrintStream progress)
            throws InterruptedException {
        int count = calls.size();
        long[] latencies = new long[count];
        AtomicReferenceArray<String> samples = new AtomicReferenceArray<>(count);
        Map<String, Long> codes = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        int step = Math.max(1, count / 10);
        long start = System.nanoTime();
        Runnable[] sender = new Runnable[1];
        sender[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return;
            }
            SignedCall call = calls.get(i);
            boolean sampled = sampleEvery > 0 && i % sampleEvery == 0;
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setPort(port)
                    .setHost("127.0.0.1").setURI("/v1/data-requests").putHeader("Content-Type", "application/json");
            call.headers().forEach(options::putHeader);
            long sent = System.nanoTime();
            client.request(options)
                    .compose(request -> request.send(Buffer.buffer(call.body())))
                    .compose(response -> Answer.read(response, sampled))
                    .onComplete(answer -> {
                        latencies[i] = System.nanoTime() - sent;
                        codes.merge(code(answer), 1L, Long::sum);
                        if (sampled && answer.succeeded() && answer.result().ok()) {
                            samples.set(i, answer.result().body().toString());
                        }
                        done.countDown();
                        if ((i + 1) % step == 0) {
                            progress.printf("  %s: %d/%d answered, %.1f s%n", label, i + 1, count,
                                    (System.nanoTime() - start) / 1e9);
                        }
                        sender[0].run();
                    });
        };
        context.runOnContext(v -> {
            for (int c = 0; c < clients; c++) {
                sender[0].run();
            }
        });
        done.await();
        long elapsed = System.nanoTime() - start;
        return new Result(latencies, new TreeMap<>(codes), samples, elapsed);
    }

    private static String code(AsyncResult<Answer> answer) {
        if (answer.failed()) {
            return "IO " + answer.cause().getClass().getSimpleName();
        }
        return answer.result().ok() ? "200 OK"
                : answer.result().status() + " " + problemCode(answer.result().body().toString());
    }

    /**
     * An answer's status and, when it is to be kept or is a problem document, its body.
     *
     * @param body the body, or null if it was read and let go
     */
    private record Answer(int status, Buffer body) {

        static Future<Answer> read(HttpClientResponse response, boolean keep) {
            int status = response.statusCode();
            if (status == 200 && !keep) {
                response.handler(chunk -> { });
                return response.end().map(done -> new Answer(status, null));
            }
            return response.body().map(body -> new Answer(status, body));
        }

        boolean ok() {
            return status == 200;
        }
    }

    private static String problemCode(String body) {
        try {
            return Json.tree(body).path("code").asText("?");
        } catch (RuntimeException e) {
            return "(not a problem document)";
        }
    }

    /**
     * What a run produced.
     *
     * @param latencyNanos send to answer, per request
     * @param codes answers by HTTP status and problem code
     * @param samples the kept answers' JSON, by request index ({@code null} elsewhere)
     * @param elapsedNanos from the first send to the last answer
     */
    record Result(long[] latencyNanos, Map<String, Long> codes, AtomicReferenceArray<String> samples,
            long elapsedNanos) {

        long ok() {
            return codes.getOrDefault("200 OK", 0L);
        }
    }
}
