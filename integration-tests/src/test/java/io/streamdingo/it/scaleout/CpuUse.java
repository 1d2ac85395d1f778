package io.streamdingo.it.scaleout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by the parts of the scale-out cluster on this machine, read from Linux's {@code /proc}: the Liberty
 * servers, the Artemis brokers, PostgreSQL and this test's JVM (the load's clients). Two snapshots give what a
 * phase of the benchmark cost each part: evidence of what limits it.
 */
final class CpuUse {

    /** Clock ticks per second of {@code /proc/<pid>/stat}'s times (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private CpuUse() {}

    /** CPU seconds used so far by each part's live processes. */
    static Map<String, Double> snapshot() throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String part : new String[] {"liberty", "brokers", "postgresql", "clients"}) {
            seconds.put(part, 0.0);
        }
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes
                    .filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                String part;
                try {
                    String command =
                            Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    String name = Files.readString(process.resolve("comm")).trim();
                    part = Long.parseLong(process.getFileName().toString()) == self
                            ? "clients"
                            : command.contains("ws-server.jar") || command.contains("ws-javaagent")
                                    ? "liberty"
                                    : command.contains(BrokerProcess.class.getName())
                                            ? "brokers"
                                            : name.startsWith("postgres") ? "postgresql" : null;
                    if (part != null) {
                        String stat = Files.readString(process.resolve("stat"));
                        // fields after the command's closing parenthesis: utime and stime are the 12th and 13th
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        double used = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
                        seconds.merge(part, used, Double::sum);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        }
        return seconds;
    }

    /** What each part used between two snapshots, in CPU seconds. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((part, seconds) -> used.put(part, seconds - before.getOrDefault(part, 0.0)));
        return used;
    }
}
