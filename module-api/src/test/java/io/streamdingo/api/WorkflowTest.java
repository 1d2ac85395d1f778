package io.streamdingo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** WF-1: a workflow's id is the correlation id of what it emits. */
class WorkflowTest {

    private static RecordedEvent recorded(EventMetadata metadata) {
        return new RecordedEvent(
                UUID.randomUUID(),
                StreamId.of("account", "1"),
                1,
                1,
                "AccountOpened",
                1,
                Instant.parse("2026-11-23T10:00:00Z"),
                metadata,
                "payload");
    }

    @Test
    void aStartedWorkflowHasAFreshIdOfItsKind() {
        Workflow first = Workflow.start("transfer");
        Workflow second = Workflow.start("transfer");

        assertThat(first.id()).startsWith("transfer-");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void everyEventItEmitsCarriesItsIdAsCorrelationId() {
        Workflow workflow = Workflow.start("transfer");

        assertThat(workflow.event("withdrawn").metadata().correlationId()).isEqualTo(workflow.id());
    }

    @Test
    void anEventCausedByAnotherNamesItsCause() {
        Workflow workflow = Workflow.continuing("transfer-7");
        RecordedEvent cause = recorded(workflow.metadata());

        NewEvent effect = workflow.causedBy(cause, "deposited");

        assertThat(effect.metadata().correlationId()).isEqualTo("transfer-7");
        assertThat(effect.metadata().causationId()).isEqualTo(cause.eventId().toString());
    }

    @Test
    void theWorkflowOfAnEventIsItsCorrelationId() {
        assertThat(Workflow.of(recorded(EventMetadata.empty().withCorrelationId("order-9"))))
                .contains(Workflow.continuing("order-9"));
        assertThat(Workflow.of(recorded(EventMetadata.empty()))).isEmpty();
    }

    @Test
    void aBlankIdIsRefused() {
        assertThatThrownBy(() -> Workflow.continuing(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
