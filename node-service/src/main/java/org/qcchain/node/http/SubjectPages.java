package org.qcchain.node.http;

import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.subject.SubjectPageQuery;

/** The page a subject route's body asks for, checked like the list routes' query parameters. */
final class SubjectPages {

    private SubjectPages() {}

    static PageRequest page(SubjectPageQuery query, NodeConfig.Limits limits) {
        return PageRequest.of(query.pageSize() == null ? null : query.pageSize().toString(), query.bookmark(),
                limits);
    }
}
