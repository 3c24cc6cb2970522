package org.qcchain.common.crypto;

import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameStyle;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Distinguished names as RFC 4514 strings, most specific attribute first:
 * {@code "CN=peer0,O=Org1,C=CN"}.
 *
 * <p>Bouncy Castle's default style keeps a string's attributes in the order they are encoded, the
 * reverse of RFC 4514; a name parsed with it would be encoded {@code CN} first and print reversed
 * in the JDK, in Go and in Fabric's {@code ClientIdentity}. This style reverses both ways, so a
 * name written here reads the same everywhere and is encoded country first, as usual.
 */
final class DistinguishedNames {

    private static final X500NameStyle STYLE = new Rfc4514Style();

    private DistinguishedNames() {}

    /**
     * Parses an RFC 4514 string such as {@code "CN=alice,OU=client,O=Org1,C=CN"}.
     *
     * @throws IllegalArgumentException if the string is not a non-empty distinguished name
     */
    static X500Name parse(String dn) {
        Objects.requireNonNull(dn, "subjectDn");
        X500Name name;
        try {
            name = new X500Name(STYLE, dn);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "'" + abbreviate(dn) + "' is not an RFC 4514 distinguished name such as"
                            + " 'CN=alice,O=Org1,C=CN': " + e.getMessage(),
                    e);
        }
        if (name.getRDNs().length == 0) {
            throw new IllegalArgumentException("distinguished name must not be empty");
        }
        return name;
    }

    /** The name from its DER encoding, printing as RFC 4514. */
    static X500Name of(X500Principal principal) {
        return X500Name.getInstance(STYLE, X500Name.getInstance(principal.getEncoded()));
    }

    /** The name re-attached to the RFC 4514 style, encoding unchanged. */
    static X500Name of(X500Name name) {
        return X500Name.getInstance(STYLE, name);
    }

    /** Prints {@code name} as RFC 4514, most specific attribute first. */
    static String format(X500Name name) {
        return STYLE.toString(name);
    }

    /** The most specific common name (the last one encoded, as Go reads it), or "" if none. */
    static String commonName(X500Name name) {
        String commonName = "";
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (attribute.getType().equals(BCStyle.CN)) {
                    ASN1Encodable value = attribute.getValue();
                    commonName = value instanceof ASN1String text
                            ? text.getString()
                            : IETFUtils.valueToString(value);
                }
            }
        }
        return commonName;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** BCStyle attribute names and value encodings, RFC 4514 attribute order. */
    private static final class Rfc4514Style extends BCStyle {

        @Override
        public RDN[] fromString(String dirName) {
            RDN[] rdns = IETFUtils.rDNsFromString(dirName, this);
            RDN[] reversed = new RDN[rdns.length];
            for (int i = 0; i < rdns.length; i++) {
                reversed[i] = rdns[rdns.length - 1 - i];
            }
            return reversed;
        }

        @Override
        public String toString(X500Name name) {
            RDN[] rdns = name.getRDNs();
            StringBuilder out = new StringBuilder();
            for (int i = rdns.length - 1; i >= 0; i--) {
                if (out.length() > 0) {
                    out.append(',');
                }
                IETFUtils.appendRDN(out, rdns[i], defaultSymbols);
            }
            return out.toString();
        }

        @Override
        public boolean areEqual(X500Name name1, X500Name name2) {
            return Arrays.equals(name1.getRDNs(), name2.getRDNs());
        }
    }
}
