package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.InvalidInputException;

/**
 * The short free text a reason code may carry. It never leaves this service: not in events, idempotency records,
 * logs or dead letters; only staff and the workshop's own partner read it, and staff may redact it. It must hold no
 * personal data, and above all never a pupil's name.
 */
public final class Note {

    public static final int MAX_LENGTH = 200;

    private Note() {
    }

    /** The note as stored: trimmed, none when blank; longer than {@link #MAX_LENGTH} is refused. */
    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw InvalidInputException.field("note", "must be at most " + MAX_LENGTH + " characters");
        }
        return trimmed;
    }
}
