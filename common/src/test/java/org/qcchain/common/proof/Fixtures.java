package org.qcchain.common.proof;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.qcchain.common.crypto.CryptoSuite;

/** Records, keys and a literal RFC 6962 reference for the proof tests. */
final class Fixtures {

    static final HexFormat HEX = HexFormat.of();
    static final String SUBJECT = "5f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f";

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

    private Fixtures() {}

    static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    /** A vehicle registration with one field of each kind. */
    static DataRecord vehicle() {
        return DataRecord.builder()
                .datasetId("vehicle.registration")
                .recordId("rec-0001")
                .version(3)
                .subject(SUBJECT)
                .field("plate", "鲁A12345")
                .field("seats", 5)
                .field("insured", true)
                .nullField("mortgagee")
                .field("colour", "white")
                .build();
    }

    static CommittedRecord committedVehicle(CryptoSuite suite) {
        return RecordCommitter.create(suite, SaltSource.derived(suite, key(1))).commit(vehicle());
    }

    /** A random record of 1 to {@code maxFields} fields with random scalar values. */
    static DataRecord randomRecord(Random random, int maxFields) {
        DataRecord.Builder builder = DataRecord.builder()
                .datasetId("ds" + random.nextInt(5) + ".table_" + random.nextInt(100))
                .recordId("r" + Long.toHexString(random.nextLong()))
                .version(1 + random.nextInt(1000))
                .subject(HEX.formatHex(bytes(random, 32)));
        int fields = 1 + random.nextInt(maxFields);
        List<String> names = new ArrayList<>();
        while (names.size() < fields) {
            String name = randomName(random);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        for (String name : names) {
            switch (random.nextInt(5)) {
                case 0 -> builder.field(name, randomText(random));
                case 1 -> builder.field(name, random.nextLong() % ((1L << 53) - 1));
                case 2 -> builder.field(name, random.nextBoolean());
                case 3 -> builder.nullField(name);
                default -> builder.field(name, Integer.toString(random.nextInt(100)) + "." + random.nextInt(100));
            }
        }
        return builder.build();
    }

    static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static List<byte[]> randomLeaves(Random random, int count) {
        List<byte[]> leaves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leaves.add(bytes(random, 32));
        }
        return leaves;
    }

    private static String randomName(Random random) {
        StringBuilder name = new StringBuilder().append((char) ('a' + random.nextInt(26)));
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }

    private static String randomText(Random random) {
        String[] pieces = {"鲁A", "济南", "x", "\"", "\\", "\n", "é", "😀", " ", "0", "Z"};
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    // --- RFC 6962 section 2.1, written out literally, independent of MerkleTree ----------------

    static byte[] leafHash(CryptoSuite suite, byte[] leaf) {
        return suite.hash(concat(new byte[] {0x00}, leaf));
    }

    static byte[] nodeHash(CryptoSuite suite, byte[] left, byte[] right) {
        return suite.hash(concat(new byte[] {0x01}, left, right));
    }

    /** MTH(D[n]). */
    static byte[] referenceRoot(CryptoSuite suite, List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leafHash(suite, leaves.get(0));
        }
        int k = largestPowerOfTwoBelow(leaves.size());
        return nodeHash(suite, referenceRoot(suite, leaves.subList(0, k)),
                referenceRoot(suite, leaves.subList(k, leaves.size())));
    }

    /** PATH(m, D[n]) as hex. */
    static List<String> referencePath(CryptoSuite suite, int m, List<byte[]> leaves) {
        List<String> path = new ArrayList<>();
        if (leaves.size() == 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(leaves.size());
        if (m < k) {
            path.addAll(referencePath(suite, m, leaves.subList(0, k)));
            path.add(HEX.formatHex(referenceRoot(suite, leaves.subList(k, leaves.size()))));
        } else {
            path.addAll(referencePath(suite, m - k, leaves.subList(k, leaves.size())));
            path.add(HEX.formatHex(referenceRoot(suite, leaves.subList(0, k))));
        }
        return path;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
