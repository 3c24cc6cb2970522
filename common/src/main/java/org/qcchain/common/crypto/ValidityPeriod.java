package org.qcchain.common.crypto;

import java.security.cert.X509Certificate;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;

/**
 * A certificate's validity in whole seconds (X.509 stores no fractions); both ends inclusive.
 * {@code notAfter = notBefore + validity}.
 */
record ValidityPeriod(Instant notBefore, Instant notAfter) {

    /** UTCTime starts here; earlier dates are never meaningful for a certificate. */
    private static final Instant EARLIEST = Instant.parse("1950-01-01T00:00:00Z");

    /** Year 9999 ends here; GeneralizedTime cannot say more. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    static ValidityPeriod of(Instant notBefore, Duration validity) {
        Objects.requireNonNull(notBefore, "notBefore");
        checkValidity(validity);
        Instant start = notBefore.truncatedTo(ChronoUnit.SECONDS);
        Instant end;
        try {
            end = start.plus(validity).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("validity " + validity + " ends after year 9999", e);
        }
        if (start.isBefore(EARLIEST) || end.isAfter(LATEST)) {
            throw new IllegalArgumentException(
                    "validity " + start + " to " + end + " is outside what X.509 can encode (1950-9999)");
        }
        return new ValidityPeriod(start, end);
    }

    static void checkValidity(Duration validity) {
        Objects.requireNonNull(validity, "validity");
        if (validity.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "validity must be at least one second, was " + validity);
        }
    }

    /**
     * Rejects a period outside the issuer's own: a CA does not vouch for a time it is not valid.
     */
    void checkWithin(X509Certificate issuer) {
        Instant issuerStart = issuer.getNotBefore().toInstant();
        Instant issuerEnd = issuer.getNotAfter().toInstant();
        if (notBefore.isBefore(issuerStart) || notAfter.isAfter(issuerEnd)) {
            throw new IllegalArgumentException(
                    "requested validity " + notBefore + " to " + notAfter + " is not within the CA's own "
                            + issuerStart + " to " + issuerEnd);
        }
    }

    Date notBeforeDate() {
        return Date.from(notBefore);
    }

    Date notAfterDate() {
        return Date.from(notAfter);
    }
}
