package org.qcchain.chaincode.model;

/** Classification level of a data field (数据分类分级), from public to core data. */
public enum Classification {
    /** Public: may be published. */
    L1,
    /** Internal: shared between government units and authorised consumers. */
    L2,
    /** Sensitive: personal data, needs the subject's consent. */
    L3,
    /** Core: highly sensitive (health, finance); needs consent and the narrowest agreement. */
    L4
}
