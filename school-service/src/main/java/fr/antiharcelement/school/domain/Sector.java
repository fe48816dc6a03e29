package fr.antiharcelement.school.domain;

public enum Sector {
    PUBLIC, PRIVATE
}
