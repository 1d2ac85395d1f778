package io.streamdingo.api.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names whose personal data an event type holds: either a top-level field (or record component) of the event,
 * whose value is the subject's id, or, on the event type, a metadata entry: {@code @DataSubject(metadata =
 * "userId")} for the user id, or a header's name. The subject id itself is stored in clear (it identifies,
 * pseudonymously, whose key to use); an event type with {@link PersonalData} fields needs exactly one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface DataSubject {

    /** On the event type: {@code userId}, {@code tenantId}, {@code correlationId} or a header name. */
    String metadata() default "";
}
