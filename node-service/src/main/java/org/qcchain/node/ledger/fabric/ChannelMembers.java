package org.qcchain.node.ledger.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ledger.ChaincodeFailure;

/**
 * The application organisations of a Fabric channel and their CA certificates, read from the
 * channel configuration ({@code Application} group, each organisation's {@code MSP} value).
 *
 * <p>On Fabric, who is a channel member is decided by a configuration update that the channel's
 * admins sign (docs/fabric.md, "Adding an organisation"); a node cannot do that. So admitting an
 * organisation here only confirms that the channel already has it, with the given CAs among its
 * MSP's root or intermediate certificates, and otherwise says what the operator has to do.
 */
final class ChannelMembers {

    static final String FUNCTION = "Channel:admit";

    private final String channel;
    private final Map<String, List<byte[]>> caCertificates;

    private ChannelMembers(String channel, Map<String, List<byte[]>> caCertificates) {
        this.channel = channel;
        this.caCertificates = caCertificates;
    }

    /**
     * @param channel the channel's name, for messages
     * @param config the channel's configuration
     * @return its application organisations
     * @throws IllegalStateException if an organisation's MSP value does not parse
     */
    static ChannelMembers of(String channel, Config config) {
        ConfigGroup application = config.getChannelGroup().getGroupsOrDefault("Application",
                ConfigGroup.getDefaultInstance());
        Map<String, List<byte[]>> cas = new TreeMap<>();
        for (Map.Entry<String, ConfigGroup> organisation : application.getGroupsMap().entrySet()) {
            ConfigValue msp = organisation.getValue().getValuesOrDefault("MSP", ConfigValue.getDefaultInstance());
            try {
                FabricMSPConfig fabric = FabricMSPConfig.parseFrom(MSPConfig.parseFrom(msp.getValue()).getConfig());
                List<byte[]> certificates = new ArrayList<>();
                for (ByteString pem : fabric.getRootCertsList()) {
                    certificates.add(der(pem));
                }
                for (ByteString pem : fabric.getIntermediateCertsList()) {
                    certificates.add(der(pem));
                }
                cas.put(fabric.getName().isEmpty() ? organisation.getKey() : fabric.getName(), certificates);
            } catch (InvalidProtocolBufferException | CertificateException e) {
                throw new IllegalStateException("the MSP of " + organisation.getKey() + " in the configuration of "
                        + channel + " does not parse: " + e.getMessage(), e);
            }
        }
        return new ChannelMembers(channel, cas);
    }

    /** @return the MSP ids of the channel's application organisations */
    List<String> mspIds() {
        return List.copyOf(caCertificates.keySet());
    }

    /**
     * Confirms that {@code mspId} is a member and trusts every CA given.
     *
     * @throws ChaincodeFailure {@code NOT_AUTHORIZED} naming what the channel lacks and where the
     *     operator finds the configuration update that adds it
     */
    void confirm(String mspId, List<String> caCertificatesPem) throws ChaincodeFailure {
        List<byte[]> known = caCertificates.get(mspId);
        if (known == null) {
            throw new ChaincodeFailure(ErrorCode.NOT_AUTHORIZED, FUNCTION, mspId + " is not an organisation of"
                    + " Fabric channel " + channel + " (members: " + String.join(", ", caCertificates.keySet())
                    + "); the channel's admins add it with a configuration update, see docs/fabric.md,"
                    + " \"Adding an organisation\"");
        }
        for (String pem : caCertificatesPem) {
            byte[] der;
            try {
                der = Pem.parseCertificate(pem).getEncoded();
            } catch (CertificateException e) {
                throw new ChaincodeFailure(ErrorCode.INVALID_ARGUMENT, FUNCTION, "a CA certificate of " + mspId
                        + " is not a PEM certificate: " + e.getMessage());
            }
            if (known.stream().noneMatch(ca -> Arrays.equals(ca, der))) {
                throw new ChaincodeFailure(ErrorCode.NOT_AUTHORIZED, FUNCTION, "Fabric channel " + channel
                        + " does not trust this CA for " + mspId + "; a change of an organisation's CAs is a"
                        + " configuration update signed by the channel's admins, see docs/fabric.md,"
                        + " \"Adding an organisation\"");
            }
        }
    }

    private static byte[] der(ByteString pem) throws CertificateException {
        X509Certificate certificate = Pem.parseCertificate(pem.toString(StandardCharsets.US_ASCII));
        return certificate.getEncoded();
    }
}
