package org.qcchain.common.json;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/**
 * Jackson reference paths as text: {@code fields[2].name} for people, {@code /fields/2/name} (JSON
 * Pointer, RFC 6901) for programs. Field names from the input are cut at 40 characters.
 */
final class JsonPaths {

    private static final int MAX_NAME = 40;

    private JsonPaths() {}

    static String dotted(List<Reference> path) {
        StringBuilder out = new StringBuilder();
        for (Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(cut(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    static String pointer(List<Reference> path) {
        StringBuilder out = new StringBuilder();
        for (Reference reference : path) {
            if (reference.getFieldName() != null) {
                out.append('/')
                        .append(cut(reference.getFieldName()).replace("~", "~0").replace("/", "~1"));
            } else if (reference.getIndex() >= 0) {
                out.append('/').append(reference.getIndex());
            }
        }
        return out.toString();
    }

    private static String cut(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME) + "…";
    }
}
