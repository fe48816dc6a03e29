package fr.antiharcelement.infra.launcher;

import java.util.List;

/**
 * The #LePoidsDesMots creators' collective, for the demo data and the campaign play: twelve adults who publish under
 * public handles (the first four as the campaign named them; the others are made up for the demo), and the web address
 * of a post on each platform.
 */
final class Creators {

    record Creator(String handle, String platform, String displayName) {
    }

    static final List<Creator> COLLECTIVE = List.of(
            new Creator("justriadh", "INSTAGRAM", "Just Riadh"),
            new Creator("habituetoi", "TIKTOK", "Habitue-toi"),
            new Creator("zatis", "YOUTUBE", "Zatis"),
            new Creator("bouboule_42", "TWITCH", "Bouboule"),
            new Creator("lea.ecrit", "INSTAGRAM", "Léa écrit"),
            new Creator("samir_explique", "TIKTOK", "Samir explique"),
            new Creator("clara.dessine", "INSTAGRAM", "Clara dessine"),
            new Creator("mathis_joue", "TWITCH", "Mathis joue"),
            new Creator("ines.raconte", "YOUTUBE", "Inès raconte"),
            new Creator("noa_vlog", "TIKTOK", "Noa Vlog"),
            new Creator("yanis.sketch", "SNAPCHAT", "Yanis Sketch"),
            new Creator("manon_parle", "YOUTUBE", "Manon parle"));

    private Creators() {
    }

    /** A post's address on {@code platform}, unique by {@code id}. */
    static String url(String platform, String handle, String id) {
        return switch (platform) {
            case "INSTAGRAM" -> "https://www.instagram.com/reel/" + id + "/";
            case "TIKTOK" -> "https://www.tiktok.com/@" + handle + "/video/" + id;
            case "YOUTUBE" -> "https://www.youtube.com/watch?v=" + id;
            case "SNAPCHAT" -> "https://www.snapchat.com/spotlight/" + id;
            case "TWITCH" -> "https://www.twitch.tv/videos/" + id;
            default -> "https://example.org/" + handle + "/" + id;
        };
    }

    /** What a platform calls the post: a reel on Instagram, a live on Twitch, a video elsewhere. */
    static String format(String platform) {
        return switch (platform) {
            case "INSTAGRAM" -> "REEL";
            case "TWITCH" -> "LIVE";
            case "SNAPCHAT" -> "STORY";
            default -> "VIDEO";
        };
    }
}
