package fr.antiharcelement.workshop.domain;

import java.util.Objects;

/** Why a change was made: a {@link ReasonCode}, and an optional {@link Note} (trimmed, none when blank). */
public record Reason(ReasonCode code, String note) {

    public Reason {
        Objects.requireNonNull(code, "code");
        note = Note.of(note);
    }
}
