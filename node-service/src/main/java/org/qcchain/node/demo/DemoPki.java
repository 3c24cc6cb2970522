package org.qcchain.node.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qcchain.common.crypto.CertificateAuthority;
import org.qcchain.common.crypto.CertificateProfile;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.io.DurableFiles;
import org.qcchain.common.io.DurableFiles.Access;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * The demo's certificates: a root CA per organisation and one client identity it issued, plus the
 * node's identity (issued by the Bureau's CA, so the node submits as a Bureau member), written as
 * PEM under {@code <data>/msp/<mspId>/} ({@code ca.pem}, {@code client.pem}, {@code client.key})
 * and {@code <data>/node/} ({@code node.pem}, {@code node.key}). Private keys are demo keys, in
 * clear: a real deployment keeps them in an HSM or at least encrypted.
 */
public final class DemoPki {

    private final Map<String, String> caPems;
    private final Map<String, LedgerIdentity> clients;
    private final LedgerIdentity node;

    private DemoPki(Map<String, String> caPems, Map<String, LedgerIdentity> clients, LedgerIdentity node) {
        this.caPems = caPems;
        this.clients = clients;
        this.node = node;
    }

    /**
     * Creates every CA and identity and writes them under {@code dataDir}.
     *
     * @param dataDir the demo's data folder
     * @param suite the network's suite
     * @return the PKI
     */
    public static DemoPki create(Path dataDir, CryptoSuite suite) {
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
        Map<String, String> cas = new LinkedHashMap<>();
        Map<String, LedgerIdentity> clients = new LinkedHashMap<>();
        LedgerIdentity node = null;
        for (DemoOrganisation organisation : DemoOrganisation.all()) {
            String id = organisation.mspId();
            CertificateAuthority ca = CertificateAuthority.createRoot(suite, "CN=ca." + id.toLowerCase()
                    + ",O=" + id + ",C=CN", start, Duration.ofDays(3650));
            Identity client = ca.issueIdentity("CN=client." + id.toLowerCase() + ",OU=client,O=" + id
                    + ",C=CN", CertificateProfile.CLIENT, start, Duration.ofDays(730));
            cas.put(id, Pem.toPem(ca.certificate()));
            clients.put(id, new LedgerIdentity(id, client));
            Path folder = dataDir.resolve("msp").resolve(id);
            write(folder.resolve("ca.pem"), Pem.toPem(ca.certificate()), Access.DEFAULT);
            write(folder.resolve("client.pem"), client.certificatePem(), Access.DEFAULT);
            write(folder.resolve("client.key"), client.privateKeyPem(), Access.OWNER_ONLY);
            if (id.equals(DemoOrganisation.BUREAU)) {
                Identity nodeIdentity = ca.issueIdentity("CN=node0.bureau,OU=peer,O=" + id + ",C=CN",
                        CertificateProfile.SIGNING, start, Duration.ofDays(730));
                node = new LedgerIdentity(id, nodeIdentity);
                write(dataDir.resolve("node").resolve("node.pem"), nodeIdentity.certificatePem(), Access.DEFAULT);
                write(dataDir.resolve("node").resolve("node.key"), nodeIdentity.privateKeyPem(), Access.OWNER_ONLY);
            }
        }
        return new DemoPki(cas, clients, node);
    }

    /**
     * Reads an organisation's client identity back from the data folder (for {@link TryRequest}).
     *
     * @param dataDir the demo's data folder
     * @param mspId the organisation
     * @return the identity
     */
    public static LedgerIdentity readClient(Path dataDir, String mspId) {
        Path folder = dataDir.resolve("msp").resolve(mspId);
        try {
            return new LedgerIdentity(mspId, new Identity(
                    Pem.parseCertificate(Files.readString(folder.resolve("client.pem"))),
                    Pem.parsePrivateKey(Files.readString(folder.resolve("client.key")))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the identity of " + mspId + " in " + folder, e);
        } catch (CertificateException | InvalidKeyException e) {
            throw new IllegalStateException("unreadable identity of " + mspId + " in " + folder, e);
        }
    }

    /** @return the CA certificate (PEM) of an organisation */
    public String caPem(String mspId) {
        return caPems.get(mspId);
    }

    /** @return the client identity of an organisation */
    public LedgerIdentity client(String mspId) {
        return clients.get(mspId);
    }

    /** @return the node's identity, a member of the Bureau */
    public LedgerIdentity node() {
        return node;
    }

    /** @return the genesis channel membership: the Bureau alone, the others are admitted later */
    public Map<String, List<String>> genesisMembers() {
        return Map.of(DemoOrganisation.BUREAU, List.of(caPem(DemoOrganisation.BUREAU)));
    }

    /** Forced to the disk: the ledger created next names these certificates and is signed with the node's key. */
    private static void write(Path file, String text, Access access) {
        try {
            DurableFiles.replace(file, text.getBytes(StandardCharsets.UTF_8), access);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
