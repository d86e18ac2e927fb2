package org.tunelab.play;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A table for cell output: the page draws it as a table, {@link #toString()} as aligned text.
 *
 * <pre>{@code
 * Table.of("model", "accuracy").title("Support tickets").row("tiny", 0.42).row("tiny + LoRA", 0.91)
 * }</pre>
 *
 * <p>Rows are added in place, so a loop can fill a table: {@code for (...) table.row(...)}. Cells are strings,
 * numbers, booleans or null; anything else is shown by its {@code toString()}. A table with an {@link #id}
 * replaces the earlier one with the same id when shown again (see {@link Display}).
 */
public final class Table implements Displayable {
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();
    private String title;
    private String id;

    private Table(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /** A table with these column names: {@code Table.of("model", "accuracy")}. */
    public static Table of(String... columns) {
        return of(Arrays.asList(columns));
    }

    /** A table with these column names. */
    public static Table of(List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Table.of(): name at least one column, e.g. Table.of(\"model\", \"accuracy\")");
        }
        for (String c : columns) {
            Objects.requireNonNull(c, "column name");
        }
        return new Table(columns);
    }

    /** Sets the title shown above the table: {@code table.title("Accuracy on 200 tickets")}. */
    public Table title(String title) {
        this.title = title;
        return this;
    }

    /** Sets the id, so showing a table with the same id again updates it in place: {@code table.id("results")}. */
    public Table id(String id) {
        this.id = id;
        return this;
    }

    /**
     * Adds a row, one cell per column: {@code table.row("tiny", 0.42)}.
     *
     * @throws IllegalArgumentException if the number of cells is not the number of columns
     */
    public Table row(Object... cells) {
        return row(cells == null ? Collections.singletonList(null) : Arrays.asList(cells));
    }

    /** Adds a row from a list of cells; see {@link #row(Object...)}. */
    public Table row(List<?> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("row " + cells + " has " + cells.size() + " cells but the table has "
                    + columns.size() + " columns " + columns);
        }
        List<Object> row = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            row.add(cell);
        }
        rows.add(Collections.unmodifiableList(row));
        return this;
    }

    /** The column names. */
    public List<String> columns() {
        return columns;
    }

    /** The rows so far, each a list of cells. */
    public List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The title, or null. */
    public String title() {
        return title;
    }

    /** The id, or null. */
    public String id() {
        return id;
    }

    /** The spec {@code {"kind": "table", "id"?, "title", "columns", "rows"}}. */
    @Override
    public String toDisplay() {
        Display.Spec spec = Display.spec("table");
        if (id != null) {
            spec.put("id", id);
        }
        List<List<Object>> cells = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            cells.add(row.stream().map(Table::jsonCell).toList());
        }
        return spec.put("title", title).put("columns", columns).put("rows", cells).json();
    }

    /** The table as aligned text: title, header, a rule, rows; numbers right-aligned. */
    @Override
    public String toString() {
        List<List<String>> text = new ArrayList<>();
        for (List<Object> row : rows) {
            text.add(row.stream().map(Table::text).toList());
        }
        List<Boolean> numeric = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            final int col = c;
            numeric.add(!rows.isEmpty() && rows.stream().allMatch(r -> r.get(col) == null || r.get(col) instanceof Number));
        }
        return render(title, columns, text, numeric);
    }

    static String render(String title, List<String> header, List<List<String>> rows, List<Boolean> rightAligned) {
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder b = new StringBuilder();
        if (title != null && !title.isEmpty()) {
            b.append(title).append('\n');
        }
        line(b, header, width, rightAligned);
        for (int c = 0; c < width.length; c++) {
            b.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        b.append('\n');
        for (List<String> row : rows) {
            line(b, row, width, rightAligned);
        }
        return b.substring(0, b.length() - 1);
    }

    private static void line(StringBuilder b, List<String> cells, int[] width, List<Boolean> right) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(right.get(c) ? pad + cell : cell + pad);
        }
        b.append(line.toString().stripTrailing()).append('\n');
    }

    /** A cell as JSON allows: numbers that are not finite become null; other objects their text. */
    static Object jsonCell(Object cell) {
        if (cell == null || cell instanceof String || cell instanceof Boolean) {
            return cell;
        }
        if (cell instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : d;
        }
        if (cell instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? null : f;
        }
        return cell instanceof Number ? cell : cell.toString();
    }

    /** A cell as text: doubles to at most 4 decimals (or scientific when tiny or huge), one line. */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double || cell instanceof Float) {
            double d = ((Number) cell).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return String.valueOf(d);
            }
            double abs = Math.abs(d);
            if (abs != 0 && (abs < 1e-3 || abs >= 1e9)) {
                return String.format(Locale.ROOT, "%.3e", d);
            }
            return new BigDecimal(String.format(Locale.ROOT, "%.4f", d)).stripTrailingZeros().toPlainString();
        }
        return cell.toString().replace("\n", "\\n");
    }
}
