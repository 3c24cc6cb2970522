/**
 * Runnable examples and the verification benchmark: {@link org.qcchain.sdk.examples.BankLoanCheck},
 * {@link org.qcchain.sdk.examples.InsurerVehicleCheck}, {@link org.qcchain.sdk.examples.AuditorTrail}
 * (each with {@code --help}; they need a running demo node) and
 * {@link org.qcchain.sdk.examples.VerifyBenchmark}. Not API.
 */
package org.qcchain.sdk.examples;
