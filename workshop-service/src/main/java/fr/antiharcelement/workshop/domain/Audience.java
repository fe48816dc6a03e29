package fr.antiharcelement.workshop.domain;

public enum Audience {
    STUDENTS, PARENTS
}
