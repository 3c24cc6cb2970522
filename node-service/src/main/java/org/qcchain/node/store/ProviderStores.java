package org.qcchain.node.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.qcchain.common.syntax.IdentifierRule;

/**
 * The record stores of the providers this node hosts, one H2 database each under
 * {@code <dataDir>/providers/<mspId>/}. A provider's store is created on first use (an import);
 * {@link #find} only opens stores that exist, so a request never creates an empty database.
 *
 * <pre>{@code
 * try (ProviderStores stores = ProviderStores.open(dataDir)) {
 *     ProviderStore vehicles = stores.create("VehicleAdminMSP");
 * }
 * }</pre>
 */
public final class ProviderStores implements AutoCloseable {

    private final Path root;
    private final LiveAccess liveAccess;
    private final Map<String, ProviderStore> open = new ConcurrentHashMap<>();

    private ProviderStores(Path root, LiveAccess liveAccess) {
        this.root = root;
        this.liveAccess = liveAccess;
    }

    /**
     * The stores under a node's data folder.
     *
     * @param dataDir the node's data folder
     * @return the stores; nothing is opened yet
     */
    public static ProviderStores open(Path dataDir) {
        return new ProviderStores(dataDir.resolve("providers"), null);
    }

    /**
     * The stores under a node's data folder, answering live datasets from the providers' own
     * databases.
     *
     * @param dataDir the node's data folder
     * @param liveAccess the providers' database logins, the pseudonymizer and the suite
     * @return the stores; nothing is opened yet
     */
    public static ProviderStores open(Path dataDir, LiveAccess liveAccess) {
        return new ProviderStores(dataDir.resolve("providers"), Objects.requireNonNull(liveAccess, "liveAccess"));
    }

    /**
     * A provider's store, created if new.
     *
     * @param mspId the provider
     * @return its store
     */
    public ProviderStore create(String mspId) {
        Path folder = folder(mspId);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        return open.computeIfAbsent(mspId, id -> ProviderStore.open(id, folder, liveAccess));
    }

    /**
     * A provider's store, if the provider has one on this node.
     *
     * @param mspId the provider
     * @return its store, or empty
     */
    public Optional<ProviderStore> find(String mspId) {
        ProviderStore store = open.get(mspId);
        if (store != null) {
            return Optional.of(store);
        }
        return Files.isDirectory(folder(mspId)) ? Optional.of(create(mspId)) : Optional.empty();
    }

    /**
     * A provider's store if it is open now: never opens one (nor reopens one after {@link #close}).
     *
     * @param mspId the provider
     * @return its open store, or empty
     */
    public Optional<ProviderStore> opened(String mspId) {
        return Optional.ofNullable(open.get(mspId));
    }

    /**
     * Whether the provider has a store on this node, without opening it.
     *
     * @param mspId the provider
     * @return whether its store is open or its folder exists
     */
    public boolean holds(String mspId) {
        return open.containsKey(mspId) || (IdentifierRule.MSP_ID.matches(mspId) && Files.isDirectory(root.resolve(mspId)));
    }

    /**
     * The providers with a store on this node, opened or not.
     *
     * @return their MSP ids, sorted
     */
    public List<String> held() {
        Set<String> ids = new TreeSet<>(open.keySet());
        if (Files.isDirectory(root)) {
            try (Stream<Path> folders = Files.list(root)) {
                folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString())
                        .filter(IdentifierRule.MSP_ID::matches).forEach(ids::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        return List.copyOf(ids);
    }

    private Path folder(String mspId) {
        if (!IdentifierRule.MSP_ID.matches(mspId)) {
            // the MSP id becomes a folder name: never let it name another folder
            throw new IllegalArgumentException("not an MSP id: " + mspId);
        }
        return root.resolve(mspId);
    }

    @Override
    public void close() {
        open.values().forEach(ProviderStore::close);
        open.clear();
    }
}
