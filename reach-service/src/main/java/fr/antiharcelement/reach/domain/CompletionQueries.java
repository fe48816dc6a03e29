package fr.antiharcelement.reach.domain;

import java.time.LocalDate;
import java.util.List;

/** Reads of the latest workshops delivered, for the dashboard's list: places and headcounts only, never a person. */
public interface CompletionQueries {

    /** A delivered workshop as the dashboard lists it; names are null where reach has not heard of the school or partner. */
    record Completion(LocalDate day, String schoolUai, String schoolName, String departmentName, String partnerCode,
                      String partnerName, String audience, String classLevel, int attendees) {
    }

    /**
     * The campaign's completed workshops, most recent day first, at most {@code limit}. Reach keeps a workshop's day
     * (that of its start), not when its completion was recorded: a completion recorded late is listed under its day.
     */
    List<Completion> latest(String campaign, int limit);
}
