package fr.antiharcelement.workshop.domain;

/** The kinds of establishment school-events name (the Ministry's directory); pupil workshops are for collèges by default. */
public enum SchoolType {
    ECOLE, COLLEGE, LYCEE, EREA, MEDICO_SOCIAL, ADMINISTRATION, INFORMATION_ORIENTATION, OTHER
}
