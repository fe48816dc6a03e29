package fr.antiharcelement.workshop.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A partner association that runs workshops, e.g. {@code e-enfance}. */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    public String code;
    public String name;
    public OffsetDateTime createdAt;
}
