package fr.antiharcelement.workshop.domain;

import java.time.OffsetDateTime;

/** A partner association that runs workshops, e.g. {@code e-enfance}. */
public class Partner {

    public String code;
    public String name;
    public OffsetDateTime createdAt;
}
