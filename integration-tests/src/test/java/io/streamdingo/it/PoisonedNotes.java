package io.streamdingo.it;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.streams.Subscribe;
import io.streamdingo.demo.bank.BankEvents.NoteAdded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A consumer of the bank's notes that fails on every note starting with "poison" until its configuration says
 * it was mended ({@code letters-it.mended=true}): what {@link DeadLetterRestartIT} deploys to make a dead letter,
 * and deploys again, mended, to replay it.
 */
@ApplicationScoped
public class PoisonedNotes {

    @Inject
    @ConfigProperty(name = "letters-it.mended", defaultValue = "false")
    boolean mended;

    @Subscribe(value = "poisoned-notes", stream = "account")
    void consume(RecordedEvent event) {
        if (!mended && event.payload() instanceof NoteAdded note && note.text().startsWith("poison")) {
            throw new IllegalStateException("this consumer cannot take poisoned notes until it is mended");
        }
    }
}
