package fr.antiharcelement.workshop.domain.creator;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where a creator publishes, and the web hosts a post's URL may have there: the platform's domain or any of its
 * sub-domains (www., m., vm., clips. ...), over https. OTHER accepts any https host.
 */
public enum Platform {
    INSTAGRAM(List.of("instagram.com")),
    TIKTOK(List.of("tiktok.com")),
    YOUTUBE(List.of("youtube.com", "youtu.be")),
    SNAPCHAT(List.of("snapchat.com")),
    TWITCH(List.of("twitch.tv")),
    OTHER(List.of());

    private final List<String> domains;

    Platform(List<String> domains) {
        this.domains = domains;
    }

    /** The domains a post's URL may be on (their sub-domains too); empty for OTHER, which takes any. */
    public List<String> domains() {
        return domains;
    }

    /** Whether {@code host} is one of this platform's, e.g. www.tiktok.com or vm.tiktok.com for TIKTOK. */
    public boolean owns(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return domains.isEmpty() || domains.stream().anyMatch(domain -> lower.equals(domain) || lower.endsWith("." + domain));
    }

    /**
     * What is wrong with {@code url} as the address of a post on this platform, or null when nothing is: it must be an
     * absolute https URL, without user information, on one of the platform's hosts.
     */
    public String problemWith(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            return "is not a URL";
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return "must be an https URL, e.g. https://www.instagram.com/p/CW1x2y3z4/";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry a user name or password";
        }
        if (!owns(uri.getHost())) {
            return "is on " + uri.getHost() + ", not on " + name() + " (" + String.join(", ", domains) + " or their sub-domains)";
        }
        return null;
    }
}
