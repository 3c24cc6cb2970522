/**
 * Metrics in the Prometheus text format, without a metrics library: {@link
 * org.qcchain.node.metrics.HttpMetrics} counts requests by route and status and keeps latency
 * histograms.
 */
package org.qcchain.node.metrics;
