package org.qcchain.node.http;

import io.vertx.core.MultiMap;
import org.qcchain.chaincode.model.PageQuery;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;
import org.qcchain.node.config.NodeConfig;

/**
 * The page a list route is asked for, from the query parameters {@code pageSize} and
 * {@code bookmark}, within the configured limits.
 *
 * <pre>{@code
 * String query = PageRequest.of(ctx.queryParams(), config.limits()).pageQueryJson();
 * }</pre>
 *
 * @param pageSize how many records, 1 to {@code limits.maxPageSize}
 * @param bookmark where to continue, {@code ""} for the first page
 */
public record PageRequest(int pageSize, String bookmark) {

    /** Bookmarks are opaque ledger keys; anything longer is not one of ours. */
    static final int MAX_BOOKMARK = 1024;

    /**
     * Reads and checks the {@code pageSize} and {@code bookmark} query parameters.
     *
     * @param params the request's query parameters
     * @param limits the node's limits
     * @return the page request
     * @throws ApiException {@code INVALID_ARGUMENT} naming the parameter
     */
    public static PageRequest of(MultiMap params, NodeConfig.Limits limits) {
        return of(params.get("pageSize"), params.get("bookmark"), limits);
    }

    /**
     * Reads and checks the parameters.
     *
     * @param pageSize the {@code pageSize} parameter, or {@code null} for the default
     * @param bookmark the {@code bookmark} parameter, or {@code null} for the first page
     * @param limits the node's limits
     * @return the page request
     * @throws ApiException {@code INVALID_ARGUMENT} naming the parameter
     */
    public static PageRequest of(String pageSize, String bookmark, NodeConfig.Limits limits) {
        int size = limits.defaultPageSize();
        if (pageSize != null) {
            try {
                size = Integer.parseInt(pageSize.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > limits.maxPageSize()) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, "pageSize must be an integer "
                        + "between 1 and " + limits.maxPageSize());
            }
        }
        String mark = bookmark == null ? "" : bookmark;
        if (mark.length() > MAX_BOOKMARK) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "bookmark is longer than " + MAX_BOOKMARK + " characters");
        }
        return new PageRequest(size, mark);
    }

    /** @return the chaincode's {@code PageQuery} JSON for this page, the argument of its list functions */
    public String pageQueryJson() {
        return Json.write(new PageQuery(pageSize, bookmark));
    }
}
