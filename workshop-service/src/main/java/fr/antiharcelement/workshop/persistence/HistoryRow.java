package fr.antiharcelement.workshop.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One stored line of a workshop's audit trail. {@code changes} is JSON: {@code {"field": {"from": .., "to": ..}}}. */
@Entity
@Table(name = "workshop_history")
public class HistoryRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID workshopId;
    public OffsetDateTime at;
    public String actor;
    public String action;
    public String changes;
    public String reasonCode;
    public String note;
}
