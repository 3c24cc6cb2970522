package org.qcchain.node.store;

import java.nio.file.Path;

/**
 * A source database's JDBC URL may name the node's data folder as {@value #PLACEHOLDER}, for a
 * database kept inside it (the demo hospital's system, a test's). The URL is stored as written
 * and resolved at each connection, so a data folder moved or restored elsewhere still finds its
 * databases; an absolute path written into the store would point at the old place. The path is
 * put in as it is: {@link org.qcchain.node.config.NodeConfig} refuses a data folder whose path holds
 * a {@code ;}, which would end the database name in an H2 URL.
 *
 * <pre>{@code
 * DataFolderUrl.resolve("jdbc:h2:file:${dataDir}/sources/his", Path.of("/srv/qcchain"))
 *     // "jdbc:h2:file:/srv/qcchain/sources/his"
 * }</pre>
 */
public final class DataFolderUrl {

    /** What stands for the data folder in a URL. */
    public static final String PLACEHOLDER = "${dataDir}";

    private DataFolderUrl() {}

    /**
     * The URL to connect to.
     *
     * @param url the URL as written; returned as it is when it does not name the data folder
     * @param dataDir the node's data folder; may be null where no URL names it
     * @return the URL with every {@value #PLACEHOLDER} replaced by the folder's absolute path
     * @throws IllegalArgumentException if the URL names the data folder and none is given
     */
    public static String resolve(String url, Path dataDir) {
        if (!url.contains(PLACEHOLDER)) {
            return url;
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("the URL names " + PLACEHOLDER + " but no data folder is known here");
        }
        return url.replace(PLACEHOLDER, dataDir.toAbsolutePath().normalize().toString());
    }
}
