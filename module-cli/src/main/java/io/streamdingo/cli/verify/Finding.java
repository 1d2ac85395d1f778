package io.streamdingo.cli.verify;

/**
 * One problem found in a store.
 *
 * @param stream the stream it is in ({@code category-id}), or {@link #STORE} or {@link #FILE}
 * @param version the stream version it is at; 0 when it is not at one
 * @param problem what is wrong, in words
 */
public record Finding(String stream, long version, String problem) implements Comparable<Finding> {

    /** Where a problem of the whole store is, rather than one stream's. */
    public static final String STORE = "store";

    /** Where a problem of an import file is that belongs to no stream. */
    public static final String FILE = "file";

    @Override
    public int compareTo(Finding other) {
        int byStream = stream.compareTo(other.stream);
        return byStream != 0 ? byStream : Long.compare(version, other.version);
    }

    /** {@code stream account-42 version 7: problem}. */
    @Override
    public String toString() {
        if (stream.equals(STORE) || stream.equals(FILE)) {
            return stream + ": " + problem;
        }
        return "stream " + stream + (version > 0 ? " version " + version : "") + ": " + problem;
    }
}
