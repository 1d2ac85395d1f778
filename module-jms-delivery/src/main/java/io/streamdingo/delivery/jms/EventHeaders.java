package io.streamdingo.delivery.jms;

/**
 * The message properties every published event carries (JMS-1), so consumers route, deduplicate and
 * decode without opening the body, which holds the event's payload as stored (canonical JSON).
 */
public final class EventHeaders {

    public static final String EVENT_ID = "sd_event_id";
    public static final String EVENT_TYPE = "sd_event_type";
    public static final String SCHEMA_VERSION = "sd_schema_version";
    public static final String STREAM = "sd_stream";
    public static final String STREAM_VERSION = "sd_stream_version";
    public static final String GLOBAL_POSITION = "sd_global_position";
    public static final String CORRELATION_ID = "sd_correlation_id";
    public static final String CAUSATION_ID = "sd_causation_id";
    public static final String USER_ID = "sd_user_id";
    public static final String TENANT_ID = "sd_tenant_id";
    public static final String PARTITION_KEY = "sd_partition_key";
    /** The free-form headers, URL-encoded as {@code name=value&…} (header names need not be identifiers). */
    public static final String HEADERS = "sd_headers";

    /**
     * The W3C trace context of the append that wrote the event, when it was traced: the event's own
     * {@code traceparent} metadata header (also in {@link #HEADERS}), under the name OpenTelemetry's JMS
     * instrumentation reads, so a consumer that is not StreamDingo's continues the trace too.
     */
    public static final String TRACEPARENT = "traceparent";

    /** The vendor trace state that goes with {@link #TRACEPARENT}, when there is one. */
    public static final String TRACESTATE = "tracestate";

    public static final String RECORDED_AT = "sd_recorded_at";
    public static final String HASH = "sd_hash";
    /** Artemis duplicate detection: a message with an id seen before is dropped by the broker. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** Message groups keyed by stream: one consumer of a group gets a stream's messages, in order. */
    public static final String GROUP_ID = "JMSXGroupID";

    private EventHeaders() {}
}
