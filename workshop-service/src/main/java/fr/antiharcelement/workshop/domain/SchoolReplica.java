package fr.antiharcelement.workshop.domain;

/** A school as workshop-service knows it from school-events: the directory itself lives in school-service. */
public class SchoolReplica {

    public String uai;
    public String name;
    public String academyCode;
    public String status;
    /** As school-events name it ({@code COLLEGE}...); null for a school replicated before the type was kept, until its next event. */
    public String schoolType;
    public long version;

    public boolean isOpen() {
        return "OPEN".equals(status);
    }
}
