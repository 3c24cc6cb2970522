package org.qcchain.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The folders a benchmark fills: how much they hold, and removing them afterwards. */
final class BenchFolders {

    private BenchFolders() {}

    /** Bytes in the regular files under {@code folder}; 0 if it does not exist. */
    static long size(Path folder) {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** Deletes {@code folder} and everything in it; says so on {@code progress} if it cannot. */
    static void delete(Path folder, PrintStream progress) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            progress.println("could not delete " + folder + ": " + e.getMessage());
        }
    }
}
