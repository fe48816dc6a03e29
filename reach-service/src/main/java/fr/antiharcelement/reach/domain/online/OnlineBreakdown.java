package fr.antiharcelement.reach.domain.online;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The keys the online reach can be broken down by. */
public enum OnlineBreakdown {
    CREATOR, PLATFORM, MONTH;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code creator} or {@code platform}; month is the workshops' breakdown too, and shows both. */
    public static Optional<OnlineBreakdown> onlyOnline(String name) {
        return Arrays.stream(values()).filter(by -> by != MONTH && by.apiName().equals(name)).findFirst();
    }
}
