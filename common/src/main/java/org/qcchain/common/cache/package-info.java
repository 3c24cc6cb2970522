/**
 * Bounded memory for hot paths: {@link org.qcchain.common.cache.LruCache} keeps what a pure
 * function gave for the few keys that come again and again (certificates, issuer answers,
 * verified signatures).
 */
package org.qcchain.common.cache;
