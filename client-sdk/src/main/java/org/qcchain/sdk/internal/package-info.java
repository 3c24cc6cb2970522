/**
 * Implementation details of the SDK shared between its packages: syntax checks, signer certificate checks and HTTP plumbing.
 * Not API; may change without notice.
 */
package org.qcchain.sdk.internal;
