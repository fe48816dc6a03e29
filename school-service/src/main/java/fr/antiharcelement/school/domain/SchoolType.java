package fr.antiharcelement.school.domain;

/** The kinds of establishment of the Ministry's directory; campaigns mostly target collèges. */
public enum SchoolType {
    ECOLE, COLLEGE, LYCEE, EREA, MEDICO_SOCIAL, ADMINISTRATION, INFORMATION_ORIENTATION, OTHER
}
