package fr.antiharcelement.workshop.domain;

/** The collège class levels, from 6e to 3e (pupils aged 11 to 15). */
public enum ClassLevel {
    SIXIEME, CINQUIEME, QUATRIEME, TROISIEME
}
