package io.streamdingo.benchmarks.results;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Compares two benchmark results files — for example main's and a change's — figure by figure: prints a
 * markdown table with each figure's change, flags changes past a noise threshold as better or worse (by
 * whether more is better for the figure), and draws the changes as a PNG bar chart.
 *
 * <pre>
 * java -cp … io.streamdingo.benchmarks.results.Compare baseline.json candidate.json [--threshold 10] [--chart out.png]
 * </pre>
 *
 * or {@code ./mvnw -q exec:java -pl benchmarks -Dexec.mainClass=io.streamdingo.benchmarks.results.Compare
 * -Dexec.args="…"}. Exit code 0, or 2 if a file cannot be read.
 */
public final class Compare {

    /** One figure in both files. */
    record Change(Figure baseline, Figure candidate) {
        double percent() {
            return (candidate.score() - baseline.score()) / baseline.score() * 100;
        }

        String verdict(double threshold) {
            double change = percent();
            if (Double.isNaN(change) || Math.abs(change) <= threshold) {
                return "";
            }
            return (change > 0) == baseline.higherIsBetter() ? "better" : "**worse**";
        }
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        if (args.length < 2) {
            System.err.println(
                    "usage: Compare <baseline.json> <candidate.json> [--threshold <percent, default 10>] [--chart <file.png>]");
            System.exit(2);
        }
        double threshold = 10;
        Path chart = Path.of(args[1]).resolveSibling("compare.png");
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--threshold" -> threshold = Double.parseDouble(args[i + 1]);
                case "--chart" -> chart = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, Figure> baseline;
        Map<String, Figure> candidate;
        try {
            baseline = ResultsReader.read(Path.of(args[0]));
            candidate = ResultsReader.read(Path.of(args[1]));
        } catch (IOException e) {
            System.err.println("cannot compare: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<Change> changes = changes(baseline, candidate);
        System.out.print(table(changes, threshold, args[0], args[1]));
        drawChart(changes, threshold, chart);
        System.out.println();
        System.out.println("chart: " + chart.toAbsolutePath());
    }

    /** The figures both files hold, in the candidate's order. */
    static List<Change> changes(Map<String, Figure> baseline, Map<String, Figure> candidate) {
        List<Change> changes = new ArrayList<>();
        candidate.forEach((name, figure) -> {
            Figure before = baseline.get(name);
            if (before != null) {
                changes.add(new Change(before, figure));
            }
        });
        return changes;
    }

    /** The markdown table: one row per figure, its change and a flag past {@code threshold} percent. */
    static String table(List<Change> changes, double threshold, String baselineName, String candidateName) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "baseline: %s%ncandidate: %s%nnoise threshold: ±%.0f %%%n%n", baselineName, candidateName, threshold));
        out.append("| figure | unit | baseline | candidate | change | |\n|---|---|---:|---:|---:|---|\n");
        for (Change change : changes) {
            out.append(String.format(
                    "| %s | %s | %s | %s | %+.1f %% | %s |%n",
                    change.candidate().name(),
                    change.candidate().unit(),
                    number(change.baseline().score()),
                    number(change.candidate().score()),
                    change.percent(),
                    change.verdict(threshold)));
        }
        return out.toString();
    }

    private static String number(double value) {
        return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.3g", value);
    }

    /** A horizontal bar per figure: its change in percent, green when better, red when worse, grey within noise. */
    static void drawChart(List<Change> changes, double threshold, Path file) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Change change : changes) {
            double percent = change.percent();
            // plotted as "improvement": positive is better whatever the figure's direction
            data.addValue(
                    change.baseline().higherIsBetter() ? percent : -percent,
                    "improvement",
                    change.candidate().name());
        }
        BarRenderer renderer = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                Number value = data.getValue(row, column);
                double percent = value == null ? 0 : value.doubleValue();
                if (Math.abs(percent) <= threshold) {
                    return Color.GRAY;
                }
                return percent > 0 ? new Color(0x2e7d32) : new Color(0xc62828);
            }
        };
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        NumberAxis axis = new NumberAxis("improvement over the baseline (%)");
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), axis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Benchmark changes (grey: within ±" + (int) threshold + " %)", plot);
        chart.removeLegend();
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, Math.max(300, 60 + 28 * changes.size()));
    }
}
