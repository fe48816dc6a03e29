package fr.antiharcelement.school.events;

import fr.antiharcelement.events.outbox.Outbox;
import fr.antiharcelement.school.domain.Geography;
import fr.antiharcelement.school.domain.School;
import fr.antiharcelement.school.domain.SchoolEventPublisher;
import fr.antiharcelement.school.domain.SchoolStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Publishes school changes on {@code school-events} (key = UAI) through the outbox, in the change's transaction. */
@ApplicationScoped
public class SchoolEvents implements SchoolEventPublisher {

    public static final String TOPIC = "school-events";
    public static final String REGISTERED = "school.registered";
    public static final String UPDATED = "school.updated";
    public static final String CLOSED = "school.closed";

    @Inject
    Outbox outbox;

    @Inject
    Geography geography;

    @Override
    public void registered(School school) {
        publish(REGISTERED, school);
    }

    /** A change; {@code school.closed} when it closed the school. */
    @Override
    public void changed(School school, SchoolStatus statusBefore) {
        boolean closedNow = school.status == SchoolStatus.CLOSED && statusBefore != SchoolStatus.CLOSED;
        publish(closedNow ? CLOSED : UPDATED, school);
    }

    private void publish(String type, School school) {
        Geography.Placement place = geography.place(school.departmentCode, school.academyCode, school.regionCode);
        outbox.append(TOPIC, school.uai, type, school.version, new SchoolEvent(school.uai, school.name, school.type.name(),
                school.sector == null ? null : school.sector.name(), school.communeCode, school.communeName, school.postalCode,
                place.department().code(), place.department().name(), place.academy().code(), place.academy().name(),
                place.region().code(), place.region().name(), school.educationPriority.name(), school.pupils,
                school.status.name(), school.version));
    }
}
