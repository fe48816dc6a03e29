package fr.antiharcelement.workshop.domain.creator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A post's URL is https, on its platform's domain or one of its sub-domains, and nowhere that merely looks like it. */
class PlatformTest {

    @Test
    void eachPlatformTakesItsOwnDomainsAndTheirSubDomains() {
        assertThat(Platform.INSTAGRAM.problemWith("https://www.instagram.com/reel/CW1x2y3z4Ab/")).isNull();
        assertThat(Platform.TIKTOK.problemWith("https://vm.tiktok.com/ZMexample/")).isNull();
        assertThat(Platform.YOUTUBE.problemWith("https://youtu.be/dQw4w9WgXcQ")).isNull();
        assertThat(Platform.YOUTUBE.problemWith("https://m.youtube.com/watch?v=dQw4w9WgXcQ")).isNull();
        assertThat(Platform.SNAPCHAT.problemWith("https://story.snapchat.com/p/abc")).isNull();
        assertThat(Platform.TWITCH.problemWith("https://clips.twitch.tv/SomeClip")).isNull();
        assertThat(Platform.OTHER.problemWith("https://www.facebook.com/watch/?v=1")).isNull();
    }

    @Test
    void aLookAlikeAnotherPlatformOrAnythingButHttpsIsRefusedSayingWhy() {
        assertThat(Platform.INSTAGRAM.problemWith("https://instagram.com.evil.example/p/x")).contains("not on INSTAGRAM");
        assertThat(Platform.INSTAGRAM.problemWith("https://notinstagram.com/p/x")).contains("not on INSTAGRAM");
        assertThat(Platform.TIKTOK.problemWith("https://www.youtube.com/watch?v=x")).contains("not on TIKTOK");
        assertThat(Platform.TWITCH.problemWith("http://www.twitch.tv/videos/1")).contains("https");
        assertThat(Platform.YOUTUBE.problemWith("https://user:secret@www.youtube.com/watch?v=x")).contains("user name");
        assertThat(Platform.OTHER.problemWith("ftp://files.example/x")).contains("https");
        assertThat(Platform.OTHER.problemWith("not a url at all")).isNotNull();
    }

    @Test
    void aHandleIsKeptLowerCaseWithoutItsAt() {
        assertThat(Creator.normalize(" @JustRiadh ")).isEqualTo("justriadh");
        assertThat(Creator.normalize("bouboule_42")).isEqualTo("bouboule_42");
    }
}
