package org.qcchain.node.sdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.sdk.verify.TrustAnchors;
import org.qcchain.sdk.verify.TrustAnchorsBuilder;

/** What a bank gets from the operator's published bundle of a demo folder. */
public final class PublishedTrustAnchors {

    private PublishedTrustAnchors() {}

    /** @return each organisation's CA, and the Bureau's as node CA */
    public static TrustAnchors of(Path folder) throws IOException {
        TrustAnchorsBuilder anchors = TrustAnchors.builder();
        try (Stream<Path> organisations = Files.list(folder.resolve("msp"))) {
            for (Path organisation : organisations.sorted().toList()) {
                anchors.organisation(organisation.getFileName().toString(),
                        Files.readString(organisation.resolve("ca.pem")));
            }
        }
        return anchors.nodeCa(Files.readString(folder.resolve("msp").resolve(DemoOrganisation.BUREAU)
                .resolve("ca.pem"))).build();
    }
}
