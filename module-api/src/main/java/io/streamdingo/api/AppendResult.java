package io.streamdingo.api;

/**
 * What a successful append did.
 *
 * @param streamId the stream appended to
 * @param firstVersion the stream version of the first appended event
 * @param currentVersion the stream's version after the append: pass {@code ExpectedVersion.exact(
 *     currentVersion)} to the next append
 * @param lastGlobalPosition the global position of the last appended event
 */
public record AppendResult(StreamId streamId, long firstVersion, long currentVersion, long lastGlobalPosition) {

    /** The condition for the next append that expects nobody else wrote in between. */
    public ExpectedVersion nextExpectedVersion() {
        return ExpectedVersion.exact(currentVersion);
    }
}
