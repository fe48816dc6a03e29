package fr.antiharcelement.reach.domain.online;

import fr.antiharcelement.reach.domain.ReachRow;

/** One month of a campaign: what its workshops did, as the other breakdowns, and beside it what its posts did online. */
public record MonthReach(String key, String name, long studentsSensitised, long parentsSensitised, long studentWorkshopsDelivered,
                         long parentWorkshopsDelivered, long workshopsScheduled, long schoolsReached, OnlineFigures online) {

    static MonthReach of(String key, ReachRow workshops, OnlineRow online) {
        OnlineFigures figures = online == null ? OnlineFigures.NONE : online.figures();
        return workshops == null ? new MonthReach(key, null, 0, 0, 0, 0, 0, 0, figures)
                : new MonthReach(key, workshops.name(), workshops.studentsSensitised(), workshops.parentsSensitised(),
                workshops.studentWorkshopsDelivered(), workshops.parentWorkshopsDelivered(), workshops.workshopsScheduled(),
                workshops.schoolsReached(), figures);
    }
}
