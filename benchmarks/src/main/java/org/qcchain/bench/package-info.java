/**
 * Benchmarks of qcchain, as a plain Java program (no JMH: what is measured is a whole ledger with
 * fsync, where JMH's forking and blackholes add nothing).
 *
 * <p>The entry point is {@link org.qcchain.bench.BenchMain}; {@code ledger} runs {@link
 * org.qcchain.bench.LedgerBenchmark}: a platform set up through the real chaincode (organisations,
 * a dataset, an approved agreement, one consent per subject), then signed {@code requestAccess}
 * transactions from many concurrent submitters, measured per suite and block size. Results and how
 * to reproduce them are in {@code docs/performance.md}.
 */
package org.qcchain.bench;
