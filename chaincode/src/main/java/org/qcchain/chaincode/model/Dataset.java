package org.qcchain.chaincode.model;

import java.util.List;
import java.util.Optional;

/**
 * A catalogue entry (资源目录): one dataset, with exactly one authoritative provider (一数一源).
 *
 * @param id stable id such as {@code vehicle.registration}
 * @param providerMspId the only organisation that may anchor, update or grant agreements for it
 * @param version incremented by every update, so consumers can see that the definition changed
 */
public record Dataset(
        String id,
        String providerMspId,
        String titleZh,
        String titleEn,
        String description,
        List<FieldSpec> fields,
        String updateFrequency,
        DatasetStatus status,
        long version,
        String registeredAt,
        String updatedAt,
        String retiredReason) {

    public Dataset {
        fields = List.copyOf(fields);
    }

    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<String> fieldNames() {
        return fields.stream().map(FieldSpec::name).toList();
    }

    public boolean active() {
        return status == DatasetStatus.ACTIVE;
    }

    public Dataset withDefinition(DatasetDefinition definition, String at) {
        return new Dataset(id, providerMspId, definition.titleZh(), definition.titleEn(), definition.description(),
                definition.fields(), definition.updateFrequency(), status, version + 1, registeredAt, at, null);
    }

    public Dataset retired(String reason, String at) {
        return new Dataset(id, providerMspId, titleZh, titleEn, description, fields, updateFrequency,
                DatasetStatus.RETIRED, version + 1, registeredAt, at, reason);
    }
}
