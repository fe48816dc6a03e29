package fr.antiharcelement.infra.testing.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Strings that match the simple regular expressions Bean Validation puts into the OpenAPI schemas
 * ({@code [0-9]{7}[A-Za-z]}, {@code [a-z0-9][a-z0-9-]{1,62}}, {@code [0-9]{1,3}|0?2[ABab]}): character classes,
 * literals, {@code \d}, {@code \S}, the quantifiers {@code {n}}, {@code {n,m}}, {@code ?}, {@code *}, {@code +}
 * and top-level alternatives. Anything richer is declined, and the caller falls back to plain letters.
 */
final class PatternStrings {

    private record Atom(String characters, int min, int max) {
    }

    private PatternStrings() {
    }

    static Optional<String> matching(String pattern, Random random) {
        String[] alternatives = pattern.split("\\|");
        Optional<List<Atom>> atoms = parse(alternatives[random.nextInt(alternatives.length)]);
        return atoms.map(list -> {
            StringBuilder text = new StringBuilder();
            for (Atom atom : list) {
                int count = atom.min() + random.nextInt(Math.min(atom.max(), atom.min() + 8) - atom.min() + 1);
                for (int i = 0; i < count; i++) {
                    text.append(atom.characters().charAt(random.nextInt(atom.characters().length())));
                }
            }
            return text.toString();
        });
    }

    private static Optional<List<Atom>> parse(String pattern) {
        List<Atom> atoms = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            String characters;
            char c = pattern.charAt(i);
            if (c == '[') {
                int end = pattern.indexOf(']', i);
                if (end < 0) {
                    return Optional.empty();
                }
                characters = characterClass(pattern.substring(i + 1, end));
                i = end + 1;
            } else if (c == '\\' && i + 1 < pattern.length()) {
                characters = switch (pattern.charAt(i + 1)) {
                    case 'd' -> "0123456789";
                    case 'S', 'w' -> "abcdefghijklmnopqrstuvwxyz";
                    default -> String.valueOf(pattern.charAt(i + 1));
                };
                i += 2;
            } else if ("()^$.".indexOf(c) >= 0) {
                return Optional.empty();
            } else {
                characters = String.valueOf(c);
                i++;
            }
            if (characters.isEmpty()) {
                return Optional.empty();
            }
            int min = 1;
            int max = 1;
            if (i < pattern.length()) {
                char quantifier = pattern.charAt(i);
                if (quantifier == '{') {
                    int end = pattern.indexOf('}', i);
                    String[] bounds = pattern.substring(i + 1, end).split(",", -1);
                    min = Integer.parseInt(bounds[0].trim());
                    max = bounds.length == 1 ? min : bounds[1].isBlank() ? min + 8 : Integer.parseInt(bounds[1].trim());
                    i = end + 1;
                } else if (quantifier == '?' || quantifier == '*' || quantifier == '+') {
                    min = quantifier == '+' ? 1 : 0;
                    max = quantifier == '?' ? 1 : 3;
                    i++;
                }
            }
            atoms.add(new Atom(characters, min, max));
        }
        return Optional.of(atoms);
    }

    private static String characterClass(String body) {
        if (body.startsWith("^")) {
            return "";
        }
        StringBuilder characters = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                for (char c = body.charAt(i); c <= body.charAt(i + 2); c++) {
                    characters.append(c);
                }
                i += 2;
            } else {
                characters.append(body.charAt(i));
            }
        }
        return characters.toString();
    }
}
