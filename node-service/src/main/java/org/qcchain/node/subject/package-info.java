/**
 * The data subject's own routes, used through their identity provider (the citizen app's 数字保险箱,
 * digital safe-box): {@link org.qcchain.node.subject.SubjectIdentifier} turns the identifier the app
 * sends into the platform pseudonym (identifiers never reach the ledger in clear), and {@link
 * org.qcchain.node.subject.SubjectTrail} answers "who used my data" with each access record's
 * ledger evidence and the consumer's name. The subject's own records come through the data request
 * path ({@code org.qcchain.node.answer}) with the purpose {@code SUBJECT_ACCESS}.
 */
package org.qcchain.node.subject;
