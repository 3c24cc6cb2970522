package org.qcchain.sdk.verify;

import java.util.List;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;

/**
 * The {@code fabric.json} of a trust folder ({@link TrustAnchors#fromFolder}); unknown members are
 * rejected, absent optional ones take {@link FabricTrust.Builder}'s defaults.
 */
record FabricTrustFile(String channel, String chaincode, List<String> ordererOrganisations,
        List<String> endorsingOrganisations, Integer minimumEndorsements, String ordererRole, String endorserRole) {

    /** Reads the file's text into a channel's trust. */
    static FabricTrust read(String json) {
        FabricTrustFile file;
        try {
            file = Json.parse(json, FabricTrustFile.class);
        } catch (JsonInputException e) {
            throw new IllegalArgumentException("fabric.json: " + e.getMessage(), e);
        }
        if (file.channel == null || file.ordererOrganisations == null || file.endorsingOrganisations == null) {
            throw new IllegalArgumentException("fabric.json needs channel, ordererOrganisations and "
                    + "endorsingOrganisations");
        }
        FabricTrust.Builder builder = FabricTrust.builder().channel(file.channel)
                .ordererOrganisations(file.ordererOrganisations.toArray(String[]::new))
                .endorsingOrganisations(file.endorsingOrganisations.toArray(String[]::new));
        if (file.chaincode != null) {
            builder.chaincode(file.chaincode);
        }
        if (file.minimumEndorsements != null) {
            builder.minimumEndorsements(file.minimumEndorsements);
        }
        if (file.ordererRole != null) {
            builder.ordererRole(file.ordererRole);
        }
        if (file.endorserRole != null) {
            builder.endorserRole(file.endorserRole);
        }
        try {
            return builder.build();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("fabric.json: " + e.getMessage(), e);
        }
    }
}
