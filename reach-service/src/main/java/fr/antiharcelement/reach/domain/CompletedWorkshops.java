package fr.antiharcelement.reach.domain;

/** A school's completed workshops in a campaign, per audience: what its own row of the totals holds. */
public record CompletedWorkshops(long studentWorkshops, long parentWorkshops) {

    public long total() {
        return studentWorkshops + parentWorkshops;
    }
}
