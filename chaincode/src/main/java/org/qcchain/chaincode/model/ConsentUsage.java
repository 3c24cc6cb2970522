package org.qcchain.chaincode.model;

/**
 * How often a consent was used. Kept under its own key so that a use does not rewrite the
 * consent; two uses of one consent in one block still conflict, as they must.
 *
 * @param windowIndex the calendar window of {@code usesInWindow} (see {@link PeriodUnit#windowIndex})
 */
public record ConsentUsage(
        String consentId, long uses, String lastUsedAt, String lastAccessId, long windowIndex, long usesInWindow) {

    public static ConsentUsage unused(String consentId) {
        return new ConsentUsage(consentId, 0, null, null, 0, 0);
    }

    /** Uses in the window that contains the given index (0 if the recorded window is older). */
    public long usesInWindow(long currentWindow) {
        return currentWindow == windowIndex ? usesInWindow : 0;
    }

    public ConsentUsage usedOnce(String at, String accessId, long currentWindow) {
        return new ConsentUsage(consentId, uses + 1, at, accessId, currentWindow, usesInWindow(currentWindow) + 1);
    }
}
