package fr.antiharcelement.api.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a request or response body that {@link Idempotency} leaves out of what it keeps: the request's hash and
 * the stored response. For free text that may have to be erased (a note): an idempotency record is a copy nobody
 * would think of when redacting it. A replay therefore answers the body without it, and a retry that differs only
 * there is the same request.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface NotInIdempotencyRecord {
}
