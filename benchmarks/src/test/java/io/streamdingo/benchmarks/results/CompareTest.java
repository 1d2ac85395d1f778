package io.streamdingo.benchmarks.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareTest {

    @TempDir
    Path folder;

    @Test
    void aThroughputThatRosePastTheThresholdIsBetterAndATimeThatRoseIsWorse() {
        Map<String, Figure> baseline = Map.of(
                "append", new Figure("append", "ops/s", 1_000, true),
                "p99", new Figure("p99", "ms", 10, false));
        Map<String, Figure> candidate = Map.of(
                "append", new Figure("append", "ops/s", 1_200, true),
                "p99", new Figure("p99", "ms", 12, false));

        String table = Compare.table(Compare.changes(baseline, candidate), 10, "a.json", "b.json");

        assertThat(table).contains("| append | ops/s | 1,000 | 1,200 | +20.0 % | better |");
        assertThat(table).contains("| p99 | ms | 10.0 | 12.0 | +20.0 % | **worse** |");
    }

    @Test
    void aChangeWithinTheThresholdIsNotFlagged() {
        Map<String, Figure> baseline = Map.of("read", new Figure("read", "ops/s", 1_000, true));
        Map<String, Figure> candidate = Map.of("read", new Figure("read", "ops/s", 950, true));

        String table = Compare.table(Compare.changes(baseline, candidate), 10, "a", "b");

        assertThat(table).contains("| read | ops/s | 1,000 | 950 | -5.0 % |  |");
    }

    @Test
    void onlyFiguresInBothFilesAreCompared() {
        Map<String, Figure> baseline = Map.of("old", new Figure("old", "ops/s", 1, true));
        Map<String, Figure> candidate = Map.of("new", new Figure("new", "ops/s", 1, true));

        assertThat(Compare.changes(baseline, candidate)).isEmpty();
    }

    @Test
    void aJmhFileAndAMainsFileReadAlikeWithParametersAndAllocation() throws Exception {
        Path jmh = folder.resolve("jmh.json");
        Files.writeString(
                jmh,
                """
                [{"benchmark": "io.x.Replay.replay", "mode": "thrpt", "params": {"events": "1000"},
                  "primaryMetric": {"score": 512.5, "scoreUnit": "ops/s"},
                  "secondaryMetrics": {"·gc.alloc.rate.norm": {"score": 180.0, "scoreUnit": "B/op"}}}]
                """);
        ResultsFile mains = new ResultsFile();
        mains.cost("delivery.p99", "ms", 30, 10, 20);
        System.setProperty("benchmark.results", folder.toString());
        Path written;
        try {
            written = mains.write("mains.json");
        } finally {
            System.clearProperty("benchmark.results");
        }

        Map<String, Figure> fromJmh = ResultsReader.read(jmh);
        Map<String, Figure> fromMain = ResultsReader.read(written);

        assertThat(fromJmh)
                .containsEntry(
                        "io.x.Replay.replay[events=1000]",
                        new Figure("io.x.Replay.replay[events=1000]", "ops/s", 512.5, true))
                .containsEntry(
                        "io.x.Replay.replay[events=1000]:allocated",
                        new Figure("io.x.Replay.replay[events=1000]:allocated", "B/op", 180.0, false));
        assertThat(fromMain).containsEntry("delivery.p99", new Figure("delivery.p99", "ms", 20, false));
    }

    @Test
    void theChartIsAPngFile() throws Exception {
        Path chart = folder.resolve("compare.png");
        List<Compare.Change> changes = List.of(
                new Compare.Change(new Figure("append", "ops/s", 100, true), new Figure("append", "ops/s", 150, true)));

        Compare.drawChart(changes, 10, chart);

        byte[] png = Files.readAllBytes(chart);
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
