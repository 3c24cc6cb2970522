package org.qcchain.sdk.examples;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.crypto.Pseudonymizer;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.verify.TrustAnchors;

/**
 * What the examples share: {@code --name value} arguments, and the demo network's folder given as
 * {@code --data}: {@code trust/} (the {@link TrustAnchors#fromFolder} layout), {@code <MspId>/cert.pem}
 * and {@code <MspId>/key.pem} (a member's identity), {@code platform.key} (hex pseudonym key).
 * The node's demo does not write this folder yet; the layout is the SDK's proposal.
 */
final class ExampleSupport {

    static final String NOT_YET = "Not runnable end-to-end yet: the node's demo network (which writes the --data"
            + " folder and serves the data routes) does not exist yet.";

    final Map<String, String> options = new HashMap<>();

    ExampleSupport(String[] args, String usage) {
        for (int i = 0; i < args.length; i++) {
            if ("--help".equals(args[i]) || "-h".equals(args[i])) {
                System.out.println(usage + "\n\n" + NOT_YET);
                System.exit(0);
            }
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            }
        }
    }

    String require(String name) {
        String value = options.get(name);
        if (value == null) {
            System.err.println("missing --" + name + " (see --help)");
            System.exit(64);
        }
        return value;
    }

    Path data() {
        return Path.of(require("data"));
    }

    Identity identity(String mspId) throws Exception {
        Path folder = data().resolve(mspId);
        return new Identity(Pem.parseCertificate(Files.readString(folder.resolve("cert.pem"), StandardCharsets.UTF_8)),
                Pem.parsePrivateKey(Files.readString(folder.resolve("key.pem"), StandardCharsets.UTF_8)));
    }

    Pseudonymizer pseudonyms(CryptoSuite suite) throws Exception {
        String key = Files.readString(data().resolve("platform.key"), StandardCharsets.UTF_8).strip();
        return new Pseudonymizer(suite, HexFormat.of().parseHex(key));
    }

    QcchainClient client(String mspId, Identity identity) throws Exception {
        return QcchainClient.builder().endpoint(URI.create(require("endpoint"))).identity(mspId, identity)
                .trustAnchors(TrustAnchors.fromFolder(data().resolve("trust"))).build();
    }
}
