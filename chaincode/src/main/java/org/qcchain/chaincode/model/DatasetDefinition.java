package org.qcchain.chaincode.model;

import java.util.List;

/** What a provider says about a dataset when it registers or updates it (argument, not ledger value). */
public record DatasetDefinition(
        String id,
        String titleZh,
        String titleEn,
        String description,
        List<FieldSpec> fields,
        String updateFrequency) {}
