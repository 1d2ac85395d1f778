package io.streamdingo.api.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field (or record component) of an event type, or of a record nested in one, as personal data: it is
 * stored encrypted with the key of the event's {@link DataSubject}, and reads as null once the subject is
 * forgotten, with its path listed in the event's {@link io.streamdingo.api.EventMetadata#redactedFields()}. The
 * field must have a reference type (a primitive cannot be null): use {@code Integer}, not {@code int}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface PersonalData {}
