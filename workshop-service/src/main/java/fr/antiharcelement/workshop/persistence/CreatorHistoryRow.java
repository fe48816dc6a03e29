package fr.antiharcelement.workshop.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One stored line of a creator's or a post's audit trail. {@code changes} is JSON: {@code {"field": {"from": .., "to": ..}}}. */
@Entity
@Table(name = "creator_history")
public class CreatorHistoryRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String subject;
    public OffsetDateTime at;
    public String actor;
    public String action;
    public String changes;
    public String reason;
}
