package io.streamdingo.cli.transfer;

import io.streamdingo.cli.verify.Finding;
import java.util.List;

/**
 * What checking an export file against a target store found.
 *
 * @param streams how many streams the file holds
 * @param events how many events
 * @param problems what must be fixed before the file can be imported (at most {@link #LISTED}); none if it can
 * @param moreProblems how many more problems there were beyond those listed
 */
public record ImportCheck(long streams, long events, List<Finding> problems, long moreProblems) {

    /** At most this many problems are listed. */
    public static final int LISTED = 1_000;

    /** True if the file can be imported as it is. */
    public boolean importable() {
        return problems.isEmpty();
    }
}
