package fr.antiharcelement.workshop.domain.webhook;

import fr.antiharcelement.kernel.InvalidInputException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which endpoint URLs are accepted: absolute http(s) URLs without credentials; in production https only, and none
 * whose host resolves to a loopback, private, link-local, unspecified or multicast address (the service would otherwise
 * call into its own network for whoever registers the URL).
 */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    /** @throws InvalidInputException naming field {@code url} when {@code url} is not accepted under {@code policy} */
    public static URI check(String url, WebhookPolicy policy) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw InvalidInputException.field("url", "is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !policy.requireHttps())) {
            throw InvalidInputException.field("url", policy.requireHttps() ? "must be an https URL" : "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw InvalidInputException.field("url", "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw InvalidInputException.field("url", "must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw InvalidInputException.field("url", "must not have a fragment");
        }
        if (!policy.allowPrivateAddresses()) {
            addressProblem(uri.getHost()).ifPresent(problem -> {
                throw InvalidInputException.field("url", problem);
            });
        }
        return uri;
    }

    /** What is wrong with where {@code host} resolves, or empty when every address it has is public. */
    public static java.util.Optional<String> addressProblem(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return java.util.Optional.of("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                return java.util.Optional.of("host " + host + " resolves to " + address.getHostAddress()
                        + ", a private, loopback or link-local address; endpoints must be public");
            }
        }
        return java.util.Optional.empty();
    }

    /** IPv6 unique local addresses (fc00::/7), which Java does not count as site-local, and 100.64/10 (carrier NAT). */
    private static boolean uniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            return (bytes[0] & 0xfe) == 0xfc;
        }
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
