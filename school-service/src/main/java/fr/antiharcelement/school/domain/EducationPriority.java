package fr.antiharcelement.school.domain;

/** The éducation prioritaire network a school belongs to, if any. */
public enum EducationPriority {
    NONE, REP, REP_PLUS
}
