package org.qcchain.node.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.qcchain.chaincode.model.Page;
import org.qcchain.chaincode.model.PageQuery;
import org.qcchain.common.json.Json;

/**
 * Reads a whole list from a paged chaincode query ({@code Catalogue:listDatasets}, {@code
 * Anchors:listAnchors}, ...): the function's last argument is the page query, and each page's
 * bookmark asks for the next one.
 *
 * <pre>{@code
 * List<Anchor> anchors = LedgerPages.all(ledger, node, Anchor.class, "Anchors:listAnchors", datasetId);
 * }</pre>
 */
public final class LedgerPages {

    private LedgerPages() {}

    /**
     * Every item of a paged list, in the order the chaincode lists them.
     *
     * @param ledger the ledger
     * @param reader who asks
     * @param type what each item is
     * @param function {@code Contract:function}, whose last argument is a page query
     * @param leadingArgs the arguments before the page query
     * @return the items
     * @throws ChaincodeFailure if the chaincode refuses a page
     */
    public static <T> List<T> all(LedgerBackend ledger, LedgerIdentity reader, Class<T> type, String function,
            String... leadingArgs) throws ChaincodeFailure {
        List<T> items = new ArrayList<>();
        String[] args = Arrays.copyOf(leadingArgs, leadingArgs.length + 1);
        String bookmark = "";
        do {
            args[leadingArgs.length] = Json.write(Map.of("pageSize", PageQuery.MAX_PAGE_SIZE, "bookmark", bookmark));
            Page<?> page = Json.parse(ledger.evaluate(reader, function, args), Page.class);
            for (Object item : page.records()) {
                items.add(Json.mapper().convertValue(item, type));
            }
            bookmark = page.bookmark();
        } while (bookmark != null && !bookmark.isEmpty());
        return items;
    }
}
