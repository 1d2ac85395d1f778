package io.streamdingo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamdingo export} and {@code import} between two databases: an H2 store the engine filled (one stream
 * soft-deleted and written again) and an empty PostgreSQL schema.
 */
class TransferTest {

    @TempDir
    Path folder;

    TestStore source;
    TestStore target;

    @BeforeEach
    void stores() throws SQLException {
        source = TestStore.h2(folder, "source");
        source.fill(4, 25, "s3");
        target = TestStore.postgres();
    }

    @AfterEach
    void dropTarget() throws SQLException {
        target.close();
    }

    @Test
    void exportThenImportIntoASecondDatabaseGivesAnEqualStoreThatVerifies() throws IOException {
        Path file = folder.resolve("streams.jsonl");
        CliRun export = CliRun.of(source.args("export", "--output", file.toString(), "--progress", "none"));
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.out()).contains("exported 101 events of all streams");

        CliRun imported = CliRun.of(target.args("import", file.toString(), "--progress", "none"));

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("imported 101 events in 4 streams");
        CliRun verify = CliRun.of(target.args("verify", "--progress", "none"));
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        Path again = folder.resolve("again.jsonl");
        CliRun reexport = CliRun.of(target.args("export", "--output", again.toString(), "--progress", "none"));
        assertThat(reexport.exitCode()).as(reexport.toString()).isZero();
        assertThat(withoutPositions(again)).isEqualTo(withoutPositions(file));
    }

    @Test
    void aGzipExportImportsAsWell() throws IOException {
        Path file = folder.resolve("streams.jsonl.gz");
        CliRun export = CliRun.of(source.args("export", "--category", "tck", "-o", file.toString()));
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(Files.readAllBytes(file)[0]).isEqualTo((byte) 0x1f);

        CliRun imported = CliRun.of(target.args("import", file.toString(), "--progress", "lines"));

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.err()).contains("import").contains("101/101");
    }

    @Test
    void importRefusesStreamsTheTargetHoldsAndWritesNothing() throws IOException {
        Path file = exported();
        CliRun.of(target.args("import", file.toString(), "--progress", "none"));

        CliRun again = CliRun.of(target.args("import", file.toString(), "--progress", "none"));

        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(again.out())
                .contains("stream tck-s1: line 1: the target store already holds this stream")
                .contains("nothing imported: 4 problems");
        CliRun stats = CliRun.of(target.args("stats", "--format", "json"));
        assertThat(stats.out()).contains("\"events\" : 101");
    }

    @Test
    void importRefusesATamperedFileNamingTheStreamAndVersionAndWritesNothing() throws IOException {
        Path file = exported();
        List<String> lines = Files.readAllLines(file);
        int line = lines.indexOf(lines.stream()
                .filter(text -> text.contains("\"stream\":\"s2\",\"version\":7,"))
                .findFirst()
                .orElseThrow());
        lines.set(line, lines.get(line).replace("sku-6", "sku-66"));
        Files.write(file, lines);

        CliRun imported = CliRun.of(target.args("import", file.toString(), "--progress", "none"));

        assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(imported.out())
                .contains("stream tck-s2 version 7: line " + (line + 1)
                        + ": the event stored at version 7 does not hash to its recorded link");
        CliRun stats = CliRun.of(target.args("stats", "--format", "json"));
        assertThat(stats.out()).contains("\"events\" : 0");
    }

    @Test
    void importListsEveryProblemOfAHandEditedFileAndWritesNothing() throws IOException {
        Path file = exported();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        int s1 = indexOf(lines, "{\"stream\":{\"category\":\"tck\",\"id\":\"s1\"");
        lines.set(s1, lines.get(s1).replace("\"currentVersion\":25", "\"currentVersion\":30"));
        int s2 = indexOf(lines, "{\"stream\":{\"category\":\"tck\",\"id\":\"s2\"");
        lines.set(
                s2,
                lines.get(s2).replace("\"truncationAnchor\":null", "\"truncationAnchor\":\"" + "a".repeat(64) + "\""));
        String firstOfS4 = lines.get(indexOf(lines, "\"stream\":\"s4\",\"version\":1,"));
        lines.add(firstOfS4);
        lines.add(firstOfS4.replace("\"stream\":\"s4\"", "\"stream\":\"s9\""));
        lines.add(lines.get(s1));
        Files.write(file, lines);

        CliRun imported = CliRun.of(target.args("import", file.toString(), "--progress", "none"));

        assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(imported.out())
                .contains("stream tck-s1 version 30: the stream line says version 30 but the file holds its events up"
                        + " to version 25")
                .contains("stream tck-s2: line " + (s2 + 1) + ": the stream was truncated in the source store")
                .contains("stream tck-s4 version 26: line " + (lines.size() - 2) + ": version 1 follows version 25")
                .contains("line " + (lines.size() - 2) + ": event id")
                .contains("stream tck-s9 version 1: line " + (lines.size() - 1) + ": the event is not inside its"
                        + " stream's block")
                .contains("stream tck-s1: line " + lines.size() + ": the stream appears twice in the file")
                .contains("nothing imported");
        assertThat(CliRun.of(target.args("stats", "--format", "json")).out()).contains("\"events\" : 0");
    }

    /** The source exported to {@code streams.jsonl}. */
    private Path exported() {
        Path file = folder.resolve("streams.jsonl");
        CliRun export = CliRun.of(source.args("export", "--output", file.toString(), "--progress", "none"));
        assertThat(export.exitCode()).as(export.toString()).isZero();
        return file;
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new IllegalStateException("no line holds " + part);
    }

    @Test
    void importRefusesLinesThatAreNotExportLines() throws IOException {
        Path file = folder.resolve("broken.jsonl");
        Files.writeString(file, "{\"event\": {\"category\": \"tck\"}}\nnot json\n", StandardCharsets.UTF_8);

        CliRun imported = CliRun.of(target.args("import", file.toString(), "--progress", "none"));

        assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(imported.out())
                .contains("file: line 1 is not an export line")
                .contains("file: line 2 is not an" + " export line");
    }

    @Test
    void importIntoAnUnreachableDatabaseCannotRun() throws IOException {
        Path file = exported();

        CliRun imported = CliRun.of("import", file.toString(), "--url", "jdbc:postgresql://127.0.0.1:1/none");

        assertThat(imported.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(imported.err().strip())
                .startsWith("streamdingo import: cannot connect to jdbc:postgresql://127.0.0.1:1/none: ")
                .doesNotContain("\n");
    }

    @Test
    void importOfAMissingFileCannotRun() {
        CliRun imported =
                CliRun.of(target.args("import", folder.resolve("none.jsonl").toString()));

        assertThat(imported.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(imported.err().strip())
                .startsWith("streamdingo import: cannot read")
                .endsWith("no such file");
    }

    private static List<String> withoutPositions(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(file).stream()
                .map(line -> {
                    try {
                        ObjectNode node = (ObjectNode) json.readTree(line);
                        if (node.has("event")) {
                            ((ObjectNode) node.get("event")).remove("position");
                        }
                        return node.toString();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.toList());
    }
}
