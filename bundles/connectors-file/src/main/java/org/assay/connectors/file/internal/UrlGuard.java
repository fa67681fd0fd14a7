package org.assay.connectors.file.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs {@code rest-reader} may fetch: http or https, no user info, a host on the allow-list
 * (the first URL's own host by default), and, unless private networks are allowed, a host whose
 * every address is public: never loopback, link-local (cloud metadata at 169.254.169.254),
 * site-local, unique-local, carrier-grade NAT, multicast or the unspecified address. A workflow
 * that may name a URL could otherwise read the machine's own services (SSRF).
 *
 * <p>Limit: the client resolves the name again when it connects, so a DNS server that answers
 * differently the second time (rebinding) is not stopped here; allow-list hosts you trust.
 */
final class UrlGuard {

    private final List<String> hosts;
    private final boolean privateAllowed;

    UrlGuard(List<String> hosts, boolean privateAllowed) {
        this.hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.privateAllowed = privateAllowed;
    }

    /** Why {@code text} cannot be a URL to fetch, without looking up its host; null when it can. */
    static String syntaxProblem(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (Exception e) {
            return "'" + text + "' is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "only http and https URLs are read, not '" + (scheme.isEmpty() ? text : scheme + ":") + "'";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "'" + text + "' has no host";
        }
        if (uri.getRawUserInfo() != null) {
            return "a URL must not carry a user or password; put credentials in headers with $[secret:NAME]";
        }
        return null;
    }

    /** The URI to fetch, or a StepFailure-ready message saying why not. */
    URI check(String text) throws Refused {
        String problem = syntaxProblem(text);
        if (problem != null) {
            throw new Refused(problem);
        }
        URI uri = URI.create(text);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!hosts.contains(host)) {
            throw new Refused("the host " + host + " is not in allowHosts " + hosts);
        }
        if (!privateAllowed) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new Refused("the host " + host + " is not known (DNS)");
            }
            for (InetAddress a : addresses) {
                if (!isPublic(a)) {
                    throw new Refused("the host " + host + " is a private, loopback or link-local address ("
                            + a.getHostAddress() + "); set allowPrivateAddresses to read a service on your own"
                            + " network");
                }
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 0.0.0.0/8, 100.64.0.0/10 (carrier-grade NAT), 192.0.0.0/24, 198.18.0.0/15, 240.0.0.0/4
            return first != 0 && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && !(first == 198 && (second == 18
                    || second == 19)) && first < 240;
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            // fc00::/7 unique local; an IPv4-mapped address is judged as the IPv4 address.
            if ((first & 0xfe) == 0xfc) {
                return false;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A URL that may not be fetched, with the reason. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
