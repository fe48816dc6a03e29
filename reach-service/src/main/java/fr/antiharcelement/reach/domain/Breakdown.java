package fr.antiharcelement.reach.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The keys a campaign's reach can be broken down by. */
public enum Breakdown {
    REGION, ACADEMY, DEPARTMENT, SCHOOL, PARTNER, AUDIENCE, CLASS_LEVEL, MONTH;

    /** As the API names it: {@code region}, {@code classLevel}, ... */
    public String apiName() {
        return this == CLASS_LEVEL ? "classLevel" : name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Breakdown> fromApiName(String name) {
        return Arrays.stream(values()).filter(by -> by.apiName().equals(name)).findFirst();
    }
}
