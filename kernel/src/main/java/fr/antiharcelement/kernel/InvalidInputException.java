package fr.antiharcelement.kernel;

import java.util.List;

/** Input the domain cannot read at all (a UAI with a wrong check letter, an empty file), named by its field if any. */
public final class InvalidInputException extends DomainException {

    private final String field;

    private InvalidInputException(String field, String message) {
        super(field == null ? message : field + ": " + message);
        this.field = field;
    }

    public static InvalidInputException of(String message) {
        return new InvalidInputException(null, message);
    }

    public static InvalidInputException field(String field, String message) {
        return new InvalidInputException(field, message);
    }

    @Override
    public List<FieldError> fieldErrors() {
        if (field == null) {
            return List.of();
        }
        String message = getMessage().substring(field.length() + 2);
        return List.of(new FieldError(field, message));
    }
}
