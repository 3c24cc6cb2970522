package org.qcchain.common.crypto;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * Subject alternative names: DNS names and IP addresses, checked syntactically (never resolved,
 * so validation does no network I/O) and converted to and from the X.509 extension.
 */
final class AlternativeNames {

    /** LDH labels (underscore tolerated, as Docker service names use it), optional "*." prefix. */
    private static final String LABEL = "[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?";
    private static final Pattern DNS_NAME =
            Pattern.compile("(\\*\\.)?" + LABEL + "(\\." + LABEL + ")*");

    private AlternativeNames() {}

    /** The lower-cased name, or IllegalArgumentException if it is not a host name. */
    static String checkDnsName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("DNS names must not be null");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.length() > 253 || !DNS_NAME.matcher(lower).matches()) {
            throw new IllegalArgumentException("'" + abbreviate(name) + "' is not a valid DNS name");
        }
        return lower;
    }

    /** The address, or IllegalArgumentException if it is not an IPv4 or IPv6 literal. */
    static String checkIpAddress(String address) {
        if (address == null || !IPAddress.isValid(address)) {
            throw new IllegalArgumentException(
                    "'" + abbreviate(String.valueOf(address)) + "' is not an IPv4 or IPv6 address");
        }
        return address;
    }

    /** True if {@code text} is usable as a DNS name (used for the SERVER common-name fallback). */
    static boolean isDnsName(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.length() <= 253 && DNS_NAME.matcher(lower).matches();
    }

    static GeneralNames toGeneralNames(List<String> dnsNames, List<String> ipAddresses) {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    /** The DNS names among {@code names}, in order. */
    static List<String> dnsNames(GeneralNames names) {
        List<String> out = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.dNSName) {
                out.add(((ASN1String) name.getName()).getString());
            }
        }
        return out;
    }

    /** The IP addresses among {@code names}, in order, in textual form. */
    static List<String> ipAddresses(GeneralNames names) {
        List<String> out = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.iPAddress) {
                out.add(ipToString(ASN1OctetString.getInstance(name.getName()).getOctets()));
            }
        }
        return out;
    }

    private static String ipToString(byte[] octets) {
        try {
            // a literal address: no name lookup happens
            return InetAddress.getByAddress(octets).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("IP address of " + octets.length + " bytes", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
