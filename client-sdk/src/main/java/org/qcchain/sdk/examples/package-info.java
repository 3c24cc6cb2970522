/**
 * Runnable examples and the verification benchmark. {@link org.qcchain.sdk.examples.BankLoanCheck}
 * (泉城链+普惠金融), {@link org.qcchain.sdk.examples.InsurerVehicleCheck} (政保通), {@link
 * org.qcchain.sdk.examples.CitizenSafeBox} (数字保险箱, the citizen app's safe-box), {@link
 * org.qcchain.sdk.examples.AuditorTrail} and {@link org.qcchain.sdk.examples.AuditorReview} (abnormal
 * flows in the verified access trail) run against a {@code qcchain demo} node and read the
 * folder it wrote ({@code DemoFolder}); each has {@code --help}, a static
 * {@code run(args, out)} that returns the exit code, and a {@code main} that exits with it.
 * {@link org.qcchain.sdk.examples.VerifyBenchmark} times the verifier offline. Not API.
 */
package org.qcchain.sdk.examples;
