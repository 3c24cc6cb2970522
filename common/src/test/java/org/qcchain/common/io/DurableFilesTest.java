package org.qcchain.common.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.io.DurableFiles.Access;

class DurableFilesTest {

    @TempDir
    Path folder;

    @Test
    void createWritesTheContentInANewFolderAndLeavesNoTemporaryFile() throws IOException {
        Path file = folder.resolve("node").resolve("genesis.json");

        DurableFiles.create(file, "{\"a\":1}\n".getBytes(UTF_8), Access.DEFAULT);

        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n");
        try (var entries = Files.list(file.getParent())) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("genesis.json");
        }
    }

    @Test
    void createRefusesAnExistingFileAndLeavesItAsItWas() throws IOException {
        Path file = folder.resolve("platform.key");
        Files.writeString(file, "the key in use\n");

        assertThatThrownBy(() -> DurableFiles.create(file, "another key\n".getBytes(UTF_8), Access.OWNER_ONLY))
                .isInstanceOf(FileAlreadyExistsException.class);

        assertThat(Files.readString(file)).isEqualTo("the key in use\n");
    }

    @Test
    void replaceWritesOverTheOldContentWhole() throws IOException {
        Path file = folder.resolve("example.json");
        Files.writeString(file, "an older and much longer content than the new one\n");

        DurableFiles.replace(file, "new\n".getBytes(UTF_8), Access.DEFAULT);

        assertThat(Files.readString(file)).isEqualTo("new\n");
    }

    @Test
    void aTemporaryFileACrashLeftBehindIsWrittenOver() throws IOException {
        Path file = folder.resolve("platform.key");
        Files.writeString(folder.resolve(".platform.key.new"), "half a ke");

        DurableFiles.create(file, "the whole key\n".getBytes(UTF_8), Access.OWNER_ONLY);

        assertThat(Files.readString(file)).isEqualTo("the whole key\n");
        assertThat(folder.resolve(".platform.key.new")).doesNotExist();
    }

    @Test
    void ownerOnlyFilesAreReadableByTheOwnerAlone() throws IOException {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "the file system has no POSIX permissions");
        Path key = folder.resolve("client.key");

        DurableFiles.create(key, "-----BEGIN PRIVATE KEY-----\n".getBytes(UTF_8), Access.OWNER_ONLY);

        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void forceFolderSaysWhetherTheFolderCouldBeForced() {
        assertThat(DurableFiles.forceFolder(folder)).isTrue();
        assertThat(DurableFiles.forceFolder(folder.resolve("absent"))).isFalse();
    }
}
