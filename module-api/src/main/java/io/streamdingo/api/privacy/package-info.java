/**
 * Crypto-shredding of personal data in events: mark the fields that hold it with {@link
 * io.streamdingo.api.privacy.PersonalData} and the one that names whose data it is with {@link
 * io.streamdingo.api.privacy.DataSubject}; the store encrypts those fields with the subject's key, and forgetting
 * the subject deletes the key, so they read as redacted for ever while the events and their hash chain stay.
 */
@NullMarked
package io.streamdingo.api.privacy;

import org.jspecify.annotations.NullMarked;
