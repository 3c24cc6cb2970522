package org.qcchain.node.config;

/** Whether the node asks TLS clients for a certificate. */
public enum ClientAuthMode {
    /** No client certificate is asked for; signed requests alone authenticate. */
    NONE,
    /** A client certificate is asked for; if one is presented it must be valid and bound. */
    REQUEST,
    /** Mutual TLS: a connection without a trusted client certificate is refused. */
    REQUIRED
}
