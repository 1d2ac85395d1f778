/**
 * Crypto-shredding in the engine: which fields of an event type hold personal data and whose they are
 * ({@link io.streamdingo.engine.privacy.PersonalDataPlan}), and their encryption with the subject's key on the
 * serialized JSON before it is stored and hashed, and decryption (or redaction) before it is read.
 */
@NullMarked
package io.streamdingo.engine.privacy;

import org.jspecify.annotations.NullMarked;
