/**
 * Instants as the platform writes them: {@link org.qcchain.common.time.IsoInstant} reads and writes
 * ISO-8601 UTC text exactly as {@code Instant.parse} and {@code Instant.toString} do, quickly for
 * the common form.
 */
package org.qcchain.common.time;
