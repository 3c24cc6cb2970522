package org.qcchain.chaincode.model;

/** Paging of a list (argument): page size (default 50, at most 200) and the bookmark of the last page. */
public record PageQuery(Integer pageSize, String bookmark) {
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;
}
