package fr.antiharcelement.kernel.text;

import java.util.Optional;

/**
 * Text a PostgreSQL {@code text} column can store: no NUL character (PostgreSQL refuses it) and no unpaired
 * surrogate (not valid Unicode, so never what a client meant).
 */
public final class StorableText {

    private StorableText() {
    }

    /** What is wrong with {@code text}, or empty when it can be stored as it is. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain the NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain an unpaired surrogate (it is not valid Unicode)");
            }
        }
        return Optional.empty();
    }
}
