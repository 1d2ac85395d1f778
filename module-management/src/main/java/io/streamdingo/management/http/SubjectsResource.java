package io.streamdingo.management.http;

import io.streamdingo.api.DataSubjects;

/**
 * {@code /subjects/{subject}/key}: forgetting a data subject (crypto-shredding). Deleting the key makes the
 * subject's personal data in events and snapshots unreadable for good; the events and their hash chain stay.
 */
final class SubjectsResource {

    private final DataSubjects subjects;

    SubjectsResource(DataSubjects subjects) {
        this.subjects = subjects;
    }

    /**
     * {@code DELETE /subjects/{subject}/key}: forgets the subject.
     *
     * @throws ApiProblem 409 if the store keeps no subjects' keys; 400 (through the API's handler) for a subject id
     *     that breaks the rules
     */
    Forgotten forget(String subject) {
        try {
            return new Forgotten(subject, subjects.forget(subject));
        } catch (IllegalStateException e) {
            throw ApiProblem.conflict(e.getMessage());
        }
    }

    /**
     * The answer to a forget.
     *
     * @param subject the subject
     * @param forgotten true if it had a key, which is now deleted; false if there was none (never stored, or
     *     forgotten before): either way nothing of it can be read
     */
    record Forgotten(String subject, boolean forgotten) {}
}
