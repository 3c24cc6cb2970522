package org.qcchain.common.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes small files whole or not at all. {@code Files.write} leaves a file that a power cut can
 * find empty or cut short, while the databases written after it (the ledger, the provider stores)
 * are forced to the disk: a node would then restart with its ledger but without the key its
 * pseudonyms were made with, or the genesis membership its ledger was created with.
 *
 * <p>The content goes to a temporary file beside the target, which is forced, renamed over the
 * target (atomic within one folder) and the folder forced, so that the rename itself is durable.
 * A temporary file a crash left behind is written over by the next attempt.
 *
 * <pre>{@code
 * DurableFiles.create(dataDir.resolve("platform.key"), keyText, Access.OWNER_ONLY);
 * DurableFiles.replace(dataDir.resolve("node/genesis.json"), genesisJson, Access.DEFAULT);
 * }</pre>
 */
public final class DurableFiles {

    /** Who may read the file. */
    public enum Access {
        /** The process's default (its umask). */
        DEFAULT,
        /** Only the file's owner ({@code rw-------} where the file system has POSIX permissions): keys. */
        OWNER_ONLY
    }

    private DurableFiles() {}

    /**
     * Writes a new file; an existing one is left as it is.
     *
     * @param file the file to create; its folder is made if absent
     * @param content the bytes
     * @param access who may read it
     * @throws FileAlreadyExistsException if {@code file} exists
     * @throws IOException if the file cannot be written or forced
     */
    public static void create(Path file, byte[] content, Access access) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        write(file, content, access);
    }

    /**
     * Writes a file, replacing what is there only once the new content is whole on the disk.
     *
     * @param file the file; its folder is made if absent
     * @param content the bytes
     * @param access who may read it
     * @throws IOException if the file cannot be written or forced
     */
    public static void replace(Path file, byte[] content, Access access) throws IOException {
        write(file, content, access);
    }

    /**
     * Makes a file created, renamed or deleted in {@code folder} durable. Some platforms do not let
     * a folder be opened for this; the files themselves are forced, which is what they offer.
     *
     * @param folder the folder
     * @return whether the folder was forced; false where the platform does not let it be (e.g.
     *     Windows), when nothing more can be done from Java
     */
    public static boolean forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(Path file, byte[] content, Access access) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + target.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        // the permissions are set at creation, so that a key is never readable by others, even briefly
        try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), attributes(folder, access))) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(folder);
    }

    private static FileAttribute<?>[] attributes(Path folder, Access access) {
        if (access == Access.OWNER_ONLY
                && folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
