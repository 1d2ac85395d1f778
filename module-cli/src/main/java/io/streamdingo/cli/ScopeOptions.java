package io.streamdingo.cli;

import io.streamdingo.api.StreamId;
import io.streamdingo.store.jpa.operator.StreamSelection;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Which streams a command covers: all of them (the default), one category, or one stream. */
final class ScopeOptions {

    @Option(names = "--category", paramLabel = "NAME", description = "Only this category's streams.")
    @Nullable
    String category;

    @Option(
            names = "--stream",
            paramLabel = "CATEGORY-ID",
            description = "Only this stream, e.g. account-42 (category, a dash, the id).")
    @Nullable
    String stream;

    /** The selection; fails with a one-line message if a name breaks the store's rules. */
    StreamSelection selection() {
        try {
            if (stream != null) {
                StreamId id = StreamId.parse(stream);
                if (category != null && !category.equals(id.category())) {
                    throw new CommandFailure("--stream " + stream + " is not in --category " + category);
                }
                return StreamSelection.stream(id);
            }
            if (category != null) {
                return StreamSelection.category(StreamId.requireValidCategory(category));
            }
            return StreamSelection.all();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }
}
