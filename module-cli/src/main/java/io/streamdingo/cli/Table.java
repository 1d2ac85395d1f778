package io.streamdingo.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain text table with a header row and columns as wide as their widest cell; numbers align right. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    Table row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row of this table has " + columns + " cells");
        }
        String[] text = new String[columns];
        for (int i = 0; i < columns; i++) {
            text[i] = String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = rows.get(r)[i];
                boolean right = r > 0 && i > 0 && cell.matches("[-0-9,.]+");
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(right ? pad + cell : cell + (i < columns - 1 ? pad : ""))
                        .append(i < columns - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    rule.append("-".repeat(widths[i])).append(i < columns - 1 ? "  " : "");
                }
                out.println(rule);
            }
        }
    }

    /** {@code 1,234,567}. */
    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
