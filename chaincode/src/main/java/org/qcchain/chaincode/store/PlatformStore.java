package org.qcchain.chaincode.store;

import java.util.Optional;
import org.qcchain.chaincode.model.PlatformSettings;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.error.ErrorCode;

/** The platform settings written by the first operator. */
public final class PlatformStore {
    private final LedgerState state;

    public PlatformStore(LedgerState state) {
        this.state = state;
    }

    public Optional<PlatformSettings> find() {
        return state.read(key(), PlatformSettings.class);
    }

    public PlatformSettings require() {
        return find().orElseThrow(() -> ContractErrors.error(ErrorCode.NOT_INITIALISED,
                "the platform has not been initialised by its first operator"));
    }

    public void save(PlatformSettings settings) {
        state.write(key(), settings);
    }

    private String key() {
        return Keys.of(state.stub(), Keys.PLATFORM, "settings");
    }
}
