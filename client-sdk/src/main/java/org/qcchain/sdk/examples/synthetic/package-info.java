/**
 * Answers built the way a node builds them, from freshly made CAs, real commitments, anchors and
 * signed blocks, for the SDK's tests and benchmark: {@link
 * org.qcchain.sdk.examples.synthetic.AnswerFactory}. Keeps private keys in memory; never for
 * production. Not API.
 */
package org.qcchain.sdk.examples.synthetic;
