package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A campaign: its period and its targets. Its {@code version} grows by one with every change. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public int targetStudents;
    public Integer targetParents;
    public int targetStudentWorkshops;
    public int targetParentWorkshops;
    public int targetSchools;
    public long version;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    /** Whether a workshop from {@code startsAt} to {@code endsAt} (Paris time) falls inside the campaign's period. */
    public boolean covers(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return !CampaignTime.dayOf(startsAt).isBefore(startsOn) && !CampaignTime.dayOf(endsAt).isAfter(endsOn);
    }
}
