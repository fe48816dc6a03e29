package fr.antiharcelement.infra.launcher;

import fr.antiharcelement.infra.security.TokenMinter;
import fr.antiharcelement.kernel.CampaignTime;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The campaign's online arm, played through workshop-service's API as staff would: the twelve creators registered
 * (once: a second run finds them), their posts recorded over the school year, a first snapshot of each post's figures
 * two days after it went online, then an insights export uploaded as CSV with the figures a week after (the new
 * current ones) and, late, those of the third day (kept in the history only).
 */
final class OnlinePlay {

    /** What the model knows of a post once played: where it counts, and its current figures. */
    record PlayedPost(String creator, String platform, String month, long impressions, long accountsReached, long engagements) {
    }

    private final ApiClient api;
    private final TokenMinter tokens;

    OnlinePlay(ApiClient api, TokenMinter tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    /** Registers the collective; a creator registered by an earlier run (409) is kept as is. */
    void registerCreators() {
        for (Creators.Creator creator : Creators.COLLECTIVE) {
            int status = api.send("POST", LocalSystem.WORKSHOP.url("/api/v1/creators"), tokens.admin(), Map.of("handle",
                    "@" + creator.handle(), "platform", creator.platform(), "displayName", creator.displayName())).statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("Registering creator @" + creator.handle() + " answered " + status);
            }
        }
    }

    /**
     * Creator {@code c} publishes {@code postsPerCreator + c % 3} posts from October to May, mostly on their own platform,
     * every third on Instagram; {@code run} makes the posts' URLs new at every run.
     */
    List<PlayedPost> play(String campaign, String run, int postsPerCreator, long seed) {
        Random random = new Random(seed);
        List<PlayedPost> played = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int c = 0; c < Creators.COLLECTIVE.size(); c++) {
            Creators.Creator creator = Creators.COLLECTIVE.get(c);
            for (int p = 0; p < postsPerCreator + c % 3; p++) {
                String platform = p % 3 == 2 ? "INSTAGRAM" : creator.platform();
                LocalDate day = LocalDate.of(2021, 10, 4).plusDays(random.nextInt(230));
                ZonedDateTime published = ZonedDateTime.of(day, LocalTime.of(18, 0), CampaignTime.ZONE);
                String url = Creators.url(platform, creator.handle(), run + "c" + c + "p" + p);
                String id = recorded(campaign, creator.handle(), url, Map.of("campaignCode", campaign,
                        "creatorHandle", "@" + creator.handle(), "platform", platform, "url", url,
                        "publishedAt", published.toOffsetDateTime().toString(), "format", Creators.format(platform)));
                long audience = 20_000 + random.nextInt(380_000);
                long[] dayTwo = figures(audience / 3, random);
                api.post(LocalSystem.WORKSHOP.url("/api/v1/creator-posts/" + id + "/metrics"), tokens.admin(),
                        snapshot(published.plusDays(2).toOffsetDateTime(), dayTwo));
                long[] dayThree = figures(audience / 2, random);
                long[] daySeven = figures(audience, random);
                rows.add(csvRow(url, day.plusDays(7), daySeven));
                rows.add(csvRow(url, day.plusDays(3), dayThree)); // after day 7 in the file, measured before it: history only
                played.add(new PlayedPost(creator.handle(), platform, day.toString().substring(0, 7), daySeven[0], daySeven[1],
                        daySeven[2] + daySeven[3] + daySeven[4] + daySeven[5]));
            }
        }
        api.postCsvText(LocalSystem.WORKSHOP.url("/api/v1/creator-posts/metric-imports"), tokens.admin(),
                "url;date;impressions;reach;likes;comments;shares;saves\n" + String.join("\n", rows) + "\n");
        return played;
    }

    /** How many posts {@link #play} records with {@code postsPerCreator}. */
    static int postCount(int postsPerCreator) {
        int posts = 0;
        for (int c = 0; c < Creators.COLLECTIVE.size(); c++) {
            posts += postsPerCreator + c % 3;
        }
        return posts;
    }

    /**
     * The post's id: recorded now, or found by its URL when an earlier run recorded it (409), so that the demo's load
     * can be run again after it was cut. Snapshots sent again change nothing (the same figures at the same instant).
     */
    private String recorded(String campaign, String handle, String url, Map<String, Object> post) {
        java.net.http.HttpResponse<String> answer = api.send("POST", LocalSystem.WORKSHOP.url("/api/v1/creator-posts"), tokens.admin(), post);
        if (answer.statusCode() != 409) {
            return api.expect(answer, 201).path("id").asText();
        }
        for (var found : api.get(LocalSystem.WORKSHOP.url("/api/v1/creator-posts?campaign=" + campaign + "&creator=" + handle + "&size=200"),
                tokens.admin()).path("items")) {
            if (found.path("url").asText().equals(url)) {
                return found.path("id").asText();
            }
        }
        return api.expect(answer, 201).path("id").asText(); // another post has this URL: the 409 says which
    }

    /** Impressions, accounts reached (about 70 % of them), likes, comments, shares and saves of a post seen about {@code audience} times. */
    private static long[] figures(long audience, Random random) {
        long impressions = audience + random.nextInt((int) Math.max(1, audience / 10));
        return new long[] {impressions, impressions * (60 + random.nextInt(20)) / 100, impressions * (3 + random.nextInt(5)) / 100,
                impressions / (150 + random.nextInt(100)), impressions / (250 + random.nextInt(150)), impressions / (200 + random.nextInt(100))};
    }

    private static Map<String, Object> snapshot(OffsetDateTime measuredAt, long[] figures) {
        return Map.of("measuredAt", measuredAt.toString(), "impressions", figures[0], "accountsReached", figures[1], "likes", figures[2],
                "comments", figures[3], "shares", figures[4], "saves", figures[5]);
    }

    private static String csvRow(String url, LocalDate date, long[] figures) {
        return url + ";" + date + ";" + figures[0] + ";" + figures[1] + ";" + figures[2] + ";" + figures[3] + ";" + figures[4] + ";"
                + figures[5];
    }
}
