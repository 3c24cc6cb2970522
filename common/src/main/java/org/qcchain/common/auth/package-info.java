/**
 * The request-signing scheme shared by every client of a qcchain node and by the node itself.
 *
 * <p>A client signs each HTTP request with the key of its certificate: {@link
 * org.qcchain.common.auth.RequestSigner} builds the {@link org.qcchain.common.auth.RequestSignature
 * canonical string} (version, method, path with query, timestamp, nonce, suite hash of the body,
 * MSP id), signs it and returns the {@link org.qcchain.common.auth.SignatureHeaders} to send. The
 * node parses those headers ({@link org.qcchain.common.auth.SignatureHeaders#parse}) and calls
 * {@link org.qcchain.common.auth.RequestVerifier#verify}, which returns nothing and throws a
 * {@link org.qcchain.common.auth.RequestAuthenticationException} carrying the error code of the
 * first check that failed.
 *
 * <pre>{@code
 * // client
 * RequestSigner signer = RequestSigner.create("BankMSP", bankIdentity);
 * SignatureHeaders headers = signer.sign("POST", "/v1/echo", body);
 * headers.asMap().forEach(httpRequest::header);
 *
 * // server
 * SignatureHeaders received = SignatureHeaders.parse(request::getHeader);
 * verifier.verify("POST", request.uri(), body, received, Instant.now());
 * }</pre>
 *
 * <p>What is deliberately not here: nonce bookkeeping (the server keeps a replay cache) and the
 * check that the certificate was issued by a CA of the organisation named in the request (that
 * needs the organisation registry). Nothing here depends on an HTTP library, so the client SDK,
 * the node and the chaincode can all use it.
 */
package org.qcchain.common.auth;
