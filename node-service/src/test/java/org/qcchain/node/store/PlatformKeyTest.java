package org.qcchain.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pseudonymizer;

class PlatformKeyTest {

    private static final String ID_NUMBER = "370102199001011234";

    @TempDir
    Path dataDir;

    @Test
    void aNewFolderGetsAKeyThatTheNextOpeningReadsBack() {
        Pseudonymizer first = PlatformKey.loadOrCreate(dataDir, CryptoSuite.P256_SHA256);
        Pseudonymizer again = PlatformKey.loadOrCreate(dataDir, CryptoSuite.P256_SHA256);

        assertThat(again.pseudonym("RESIDENT_ID", ID_NUMBER))
                .isEqualTo(first.pseudonym("RESIDENT_ID", ID_NUMBER));
    }

    @Test
    void anotherFolderGetsAnotherKey(@TempDir Path other) {
        String here = PlatformKey.loadOrCreate(dataDir, CryptoSuite.P256_SHA256).pseudonym("RESIDENT_ID", ID_NUMBER);
        String there = PlatformKey.loadOrCreate(other, CryptoSuite.P256_SHA256).pseudonym("RESIDENT_ID", ID_NUMBER);

        assertThat(there).isNotEqualTo(here);
    }

    @Test
    void theKeyIsReadableByItsOwnerAlone() throws IOException {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "the file system has no POSIX permissions");

        PlatformKey.loadOrCreate(dataDir, CryptoSuite.P256_SHA256);

        assertThat(Files.getPosixFilePermissions(dataDir.resolve(PlatformKey.FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aDamagedKeyIsRefusedAndLeftForARestoreNotReplaced() throws IOException {
        Path file = dataDir.resolve(PlatformKey.FILE);
        for (String damaged : new String[] {"", "c2hvcnQ=\n", "not base64 at all!\n"}) {
            Files.writeString(file, damaged);

            assertThatThrownBy(() -> PlatformKey.loadOrCreate(dataDir, CryptoSuite.P256_SHA256))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not hold a key of at least 32 bytes")
                    .hasMessageContaining("restore it from the backup");
            assertThat(Files.readString(file)).isEqualTo(damaged);
        }
    }
}
