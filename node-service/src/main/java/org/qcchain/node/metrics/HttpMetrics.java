package org.qcchain.node.metrics;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The node's metrics, written in the Prometheus text exposition format 0.0.4:
 *
 * <ul>
 *   <li>{@code qcchain_http_requests_total{method,route,status}}: requests answered;
 *   <li>{@code qcchain_http_request_duration_seconds{route}}: latency histogram;
 *   <li>{@code qcchain_replay_cache_nonces}: nonces the replay cache holds;
 *   <li>{@code qcchain_data_request_phase_seconds{phase}}: where data requests spend their time
 *       ({@link DataRequestPhases}), on a node that answers them.
 * </ul>
 *
 * <p>Routes are templates ({@code /v1/whoami}), never raw paths, and unknown methods count as
 * {@code OTHER}, so a client cannot grow the number of series. No identity appears in a label.
 * Thread-safe; a few adders per request, no locks.
 */
public final class HttpMetrics {

    /** Route label of requests no route matched. */
    public static final String UNMATCHED = "unmatched";

    private static final double[] LATENCY_BOUNDS =
            {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
    private volatile IntSupplier replayCacheSize = () -> 0;
    private volatile DataRequestPhases dataRequestPhases;

    /**
     * Counts one answered request.
     *
     * @param method the HTTP method
     * @param route the route template, or {@link #UNMATCHED}
     * @param status the HTTP status sent
     * @param seconds time from receipt to the end of the response
     */
    public void record(String method, String route, int status, double seconds) {
        String methodLabel = METHODS.contains(method) ? method : "OTHER";
        String routeLabel = "route=\"" + PrometheusText.escape(route) + "\"";
        String labels = "method=\"" + methodLabel + "\"," + routeLabel + ",status=\"" + status + "\"";
        requests.computeIfAbsent(labels, k -> new LongAdder()).increment();
        latencies.computeIfAbsent(routeLabel, k -> new Histogram(LATENCY_BOUNDS)).observe(seconds);
    }

    /**
     * Where the replay-cache gauge reads from.
     *
     * @param size the current number of remembered nonces
     */
    public void replayCacheSize(IntSupplier size) {
        this.replayCacheSize = size;
    }

    /**
     * The phases of data requests to show; a node without data requests has none.
     *
     * @param phases the data request service's phase histograms
     */
    public void dataRequestPhases(DataRequestPhases phases) {
        this.dataRequestPhases = phases;
    }

    /**
     * The current values, series sorted by labels so scrapes are stable.
     *
     * @return the exposition text
     */
    public String scrape() {
        StringBuilder out = new StringBuilder();
        String total = "qcchain_http_requests_total";
        PrometheusText.header(out, total, "counter",
                "HTTP requests answered, by method, route template and status.");
        new TreeMap<>(requests).forEach((labels, count) ->
                out.append(total).append('{').append(labels).append("} ").append(count.sum())
                        .append('\n'));
        String duration = "qcchain_http_request_duration_seconds";
        PrometheusText.header(out, duration, "histogram",
                "Time from receiving a request to the end of its response, by route template.");
        new TreeMap<>(latencies).forEach((labels, histogram) -> histogram.write(out, duration, labels));
        String nonces = "qcchain_replay_cache_nonces";
        PrometheusText.header(out, nonces, "gauge", "Nonces the replay cache remembers.");
        out.append(nonces).append(' ').append(replayCacheSize.getAsInt()).append('\n');
        DataRequestPhases phases = dataRequestPhases;
        if (phases != null) {
            phases.write(out);
        }
        return out.toString();
    }

    /**
     * The content type of {@link #scrape()}.
     *
     * @return {@code text/plain; version=0.0.4; charset=utf-8}
     */
    public static String contentType() {
        return PrometheusText.CONTENT_TYPE;
    }
}
