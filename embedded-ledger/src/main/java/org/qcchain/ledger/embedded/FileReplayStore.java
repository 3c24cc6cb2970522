package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ByteArrayDataType;
import org.qcchain.simulator.Version;

/**
 * A {@link ReplayStore} in a temporary H2 MVStore file of the ledger's folder, for ledgers whose
 * state does not fit the heap: H2 keeps a bounded cache of its pages ({@value #CACHE_MB} MB) and
 * writes the rest out, so a verification's heap no longer grows with the ledger. The file is
 * deleted when the store closes; one a killed verification left is deleted when the next
 * verification starts ({@link #deleteLeftovers}): H2 holds a lock on the file of an open store,
 * so a file nobody holds is nobody's. The files of this process's own stores are never probed
 * for that lock: closing the probe's channel would release every lock this process holds on the
 * file (POSIX record locks belong to the process), H2's included.
 *
 * <p>Keys are kept as UTF-8 bytes compared unsigned, which is code-point order, the ledger's key
 * order ({@link org.qcchain.simulator.KeyOrder}); the state table holds its keys as UTF-8 too, and
 * the chaincode refuses keys that are not well-formed UTF-16, whose UTF-8 would not be exact.
 * Nothing here needs to survive a crash: the file is never forced.
 */
final class FileReplayStore implements ReplayStore {

    private static final Logger LOGGER = Logger.getLogger(FileReplayStore.class.getName());
    /** Files are named {@code verify-<pid>-<n>.replay}: unique among the processes of a machine. */
    static final String PREFIX = "verify-";
    static final String SUFFIX = ".replay";
    /** H2's page cache for the replay. */
    static final int CACHE_MB = 32;
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final byte[] SEEN = new byte[0];
    /** The files of this process's open stores, noted before H2 creates them and dropped once deleted. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final MVStore store;
    private final MVMap<byte[], byte[]> heads;
    private final MVMap<byte[], byte[]> txIds;

    private FileReplayStore(Path file, MVStore store) {
        this.file = file;
        this.store = store;
        this.heads = store.openMap("heads", new MVMap.Builder<byte[], byte[]>().keyType(Utf8Keys.INSTANCE)
                .valueType(ByteArrayDataType.INSTANCE));
        this.txIds = store.openMap("txIds", new MVMap.Builder<byte[], byte[]>().keyType(Utf8Keys.INSTANCE)
                .valueType(ByteArrayDataType.INSTANCE));
    }

    /** A new, empty store in {@code folder}. */
    static FileReplayStore create(Path folder) {
        Path file = folder.resolve(PREFIX + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + SUFFIX)
                .toAbsolutePath();
        OPEN.add(file);
        MVStore store = null;
        try {
            store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).open();
            // nothing here must survive a crash: the space of replaced pages may be reused at once
            // (H2 keeps it 45 s by default, for a crash's sake, and the file grew to ~2,400 bytes a key)
            store.setRetentionTime(0);
            return new FileReplayStore(file, store);
        } catch (RuntimeException | Error e) {
            if (store != null) {
                store.closeImmediately();
            }
            forget(file);
            throw e;
        }
    }

    /**
     * Deletes the replay files that verifications killed midway left in {@code folder}: those no
     * open store holds (H2 locks the file of an open store, in this process or another).
     */
    static void deleteLeftovers(Path folder) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
            for (Path leftover : files) {
                if (!OPEN.contains(leftover.toAbsolutePath()) && unheld(leftover)) {
                    deleteQuietly(leftover);
                    LOGGER.info("deleted " + leftover + ", left by a verification that did not finish");
                }
            }
        } catch (IOException e) {
            LOGGER.warning("could not look for replay files left in " + folder + ": " + e.getMessage());
        }
    }

    /** Whether no store of another process holds the file's lock. */
    private static boolean unheld(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException | IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOGGER.warning("could not delete the verification's replay file " + file + ": " + e.getMessage());
        }
    }

    @Override
    public ReplayState.Head head(String key) {
        byte[] head = heads.get(key.getBytes(UTF_8));
        return head == null ? null : decode(head);
    }

    @Override
    public ReplayState.Head write(String key, UnaryOperator<ReplayState.Head> next) {
        byte[] utf8 = key.getBytes(UTF_8);
        byte[] before = heads.get(utf8);
        ReplayState.Head superseded = before == null ? null : decode(before);
        heads.put(utf8, encode(next.apply(superseded)));
        return superseded;
    }

    @Override
    public Iterator<Map.Entry<String, ReplayState.Head>> from(String fromKey) {
        Cursor<byte[], byte[]> cursor = heads.cursor(fromKey.getBytes(UTF_8));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Map.Entry<String, ReplayState.Head> next() {
                byte[] key = cursor.next();
                return new AbstractMap.SimpleImmutableEntry<>(new String(key, UTF_8), decode(cursor.getValue()));
            }
        };
    }

    @Override
    public boolean firstSight(String txId) {
        return txIds.putIfAbsent(txId.getBytes(UTF_8), SEEN) == null;
    }

    @Override
    public void close() {
        // nothing of it is wanted again: no final store
        store.closeImmediately();
        forget(file);
    }

    /** Deletes a file of this process's and stops counting it as open. */
    private static void forget(Path file) {
        deleteQuietly(file);
        OPEN.remove(file);
    }

    static byte[] encode(ReplayState.Head head) {
        byte[] txId = head.txId().getBytes(UTF_8);
        byte[] digest = head.digest();
        ByteBuffer bytes = ByteBuffer.allocate(8 + 8 + 4 + txId.length + 8 + 4 + 1 + 4
                + (digest == null ? 0 : digest.length) + 8);
        bytes.putLong(head.version().blockNumber()).putLong(head.version().txNumber());
        bytes.putInt(txId.length).put(txId);
        bytes.putLong(head.time().getEpochSecond()).putInt(head.time().getNano());
        bytes.put((byte) (head.delete() ? 1 : 0));
        bytes.putInt(digest == null ? -1 : digest.length);
        if (digest != null) {
            bytes.put(digest);
        }
        bytes.putLong(head.previous());
        return bytes.array();
    }

    static ReplayState.Head decode(byte[] encoded) {
        ByteBuffer bytes = ByteBuffer.wrap(encoded);
        Version version = new Version(bytes.getLong(), bytes.getLong());
        byte[] txId = new byte[bytes.getInt()];
        bytes.get(txId);
        Instant time = Instant.ofEpochSecond(bytes.getLong(), bytes.getInt());
        boolean delete = bytes.get() == 1;
        int digestLength = bytes.getInt();
        byte[] digest = null;
        if (digestLength >= 0) {
            digest = new byte[digestLength];
            bytes.get(digest);
        }
        return new ReplayState.Head(version, new String(txId, UTF_8), time, delete, digest, bytes.getLong());
    }

    /** Byte-array keys in unsigned lexicographic order: for UTF-8, the order of code points. */
    private static final class Utf8Keys extends BasicDataType<byte[]> {
        static final Utf8Keys INSTANCE = new Utf8Keys();

        @Override
        public int compare(byte[] a, byte[] b) {
            return Arrays.compareUnsigned(a, b);
        }

        @Override
        public int getMemory(byte[] key) {
            return 24 + key.length;
        }

        @Override
        public void write(WriteBuffer buffer, byte[] key) {
            buffer.putVarInt(key.length).put(key);
        }

        @Override
        public byte[] read(ByteBuffer buffer) {
            byte[] key = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(key);
            return key;
        }

        @Override
        public byte[][] createStorage(int size) {
            return new byte[size][];
        }
    }
}
