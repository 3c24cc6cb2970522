package org.qcchain.bench;

import java.util.Map;

/**
 * One data request ready to send: the body (the bank's signed access request) and the HTTP
 * signature headers, made before the run so that signing is not on the measured path.
 *
 * @param body the JSON body
 * @param headers the {@code X-Qc-*} headers
 * @param citizen the demo citizen the request is about
 */
record SignedCall(byte[] body, Map<String, String> headers, int citizen) {}
