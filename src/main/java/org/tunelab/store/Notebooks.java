package org.tunelab.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The playground's notebooks, each owned by one student (get one from {@link Store#notebooks()}).
 *
 * <pre>{@code
 * Notebook made = store.notebooks().create("ann", "Trying temperature", "", List.of(
 *         new Notebook.Cell("markdown", "run", "# Notes"),
 *         new Notebook.Cell("java", "run", "Models.tiny().complete(\"Hi\")")));
 * store.notebooks().save("ann", made.id(), "Temperature", "", made.cells());
 * }</pre>
 *
 * A save replaces the title, summary and all cells at once, in one transaction, so a notebook is never half saved.
 * A student only ever reaches their own notebooks: every statement is keyed by student.
 */
public final class Notebooks {
    private static final char[] ID_CHARS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int ID_LENGTH = 10;

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Notebooks(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new notebook with a fresh id. */
    public Notebook create(String student, String title, String summary, List<Notebook.Cell> cells) {
        Store.require(student, "student", title, "title");
        long now = clock.millis();
        String id = newId();
        db.transaction("createNotebook(" + student + ")", c -> {
            Store.update(c, "INSERT INTO notebook (student, id, title, summary, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", student, id, title, summary, now, now);
            insertCells(c, student, id, cells);
            return null;
        });
        return new Notebook(id, title, summary, cells, Instant.ofEpochMilli(now), Instant.ofEpochMilli(now));
    }

    /** Replaces a notebook's title, summary and cells; false if the student has no notebook with that id. */
    public boolean save(String student, String id, String title, String summary, List<Notebook.Cell> cells) {
        Store.require(student, "student", id, "id", title, "title");
        long now = clock.millis();
        return db.transaction("saveNotebook(" + student + ", " + id + ")", c -> {
            try (PreparedStatement p = Store.prepare(c, "UPDATE notebook SET title = ?, summary = ?, updated_at = ?"
                    + " WHERE student = ? AND id = ?", title, summary, now, student, id)) {
                if (p.executeUpdate() == 0) {
                    return false;
                }
            }
            Store.update(c, "DELETE FROM notebook_cell WHERE student = ? AND notebook = ?", student, id);
            insertCells(c, student, id, cells);
            return true;
        });
    }

    /** One notebook with its cells. */
    public Optional<Notebook> get(String student, String id) {
        Store.require(student, "student", id, "id");
        return db.read("notebook(" + student + ", " + id + ")", c -> read(c, student, id));
    }

    private static Optional<Notebook> read(Connection c, String student, String id) throws SQLException {
        String title;
        String summary;
        long created;
        long updated;
        try (PreparedStatement p = Store.prepare(c, "SELECT title, summary, created_at, updated_at FROM notebook"
                + " WHERE student = ? AND id = ?", student, id);
             ResultSet r = p.executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            title = r.getString(1);
            summary = r.getString(2);
            created = r.getLong(3);
            updated = r.getLong(4);
        }
        List<Notebook.Cell> cells = new ArrayList<>();
        try (PreparedStatement p = Store.prepare(c, "SELECT kind, mode, source FROM notebook_cell"
                + " WHERE student = ? AND notebook = ? ORDER BY position", student, id);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                cells.add(new Notebook.Cell(r.getString(1), r.getString(2), r.getString(3)));
            }
        }
        return Optional.of(new Notebook(id, title, summary, cells, Instant.ofEpochMilli(created),
                Instant.ofEpochMilli(updated)));
    }

    /** The student's notebooks, most recently saved first. */
    public List<Notebook.Entry> list(String student) {
        Store.require(student, "student");
        return db.read("notebooks(" + student + ")", c -> {
            List<Notebook.Entry> out = new ArrayList<>();
            try (PreparedStatement p = Store.prepare(c, "SELECT n.id, n.title, n.summary, n.updated_at,"
                    + " (SELECT COUNT(*) FROM notebook_cell k WHERE k.student = n.student AND k.notebook = n.id)"
                    + " FROM notebook n WHERE n.student = ? ORDER BY n.updated_at DESC, n.id", student);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Notebook.Entry(r.getString(1), r.getString(2), r.getString(3), r.getInt(5),
                            Instant.ofEpochMilli(r.getLong(4))));
                }
            }
            return List.copyOf(out);
        });
    }

    /** How many notebooks the student has. */
    public int count(String student) {
        Store.require(student, "student");
        return db.read("countNotebooks(" + student + ")", c -> {
            try (PreparedStatement p = Store.prepare(c, "SELECT COUNT(*) FROM notebook WHERE student = ?", student);
                 ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    /** Deletes a notebook and its cells; false if there was none. */
    public boolean delete(String student, String id) {
        Store.require(student, "student", id, "id");
        return db.transaction("deleteNotebook(" + student + ", " + id + ")", c -> {
            Store.update(c, "DELETE FROM notebook_cell WHERE student = ? AND notebook = ?", student, id);
            try (PreparedStatement p = Store.prepare(c, "DELETE FROM notebook WHERE student = ? AND id = ?", student, id)) {
                return p.executeUpdate() > 0;
            }
        });
    }

    /** Every notebook of the student with its cells, by id (for the progress export). */
    java.util.Map<String, Notebook> all(Connection c, String student) throws SQLException {
        java.util.Map<String, Notebook> out = new java.util.TreeMap<>();
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = Store.prepare(c, "SELECT id FROM notebook WHERE student = ?", student);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        for (String id : ids) {
            read(c, student, id).ifPresent(n -> out.put(id, n));
        }
        return out;
    }

    /** Imports a notebook: added, or replacing the student's notebook of that id when this one was saved later. */
    void merge(Connection c, String student, Notebook n) throws SQLException {
        Optional<Notebook> mine = read(c, student, n.id());
        if (mine.isPresent() && !n.updated().isAfter(mine.get().updated())) {
            return;
        }
        Store.update(c, "DELETE FROM notebook_cell WHERE student = ? AND notebook = ?", student, n.id());
        Store.update(c, "DELETE FROM notebook WHERE student = ? AND id = ?", student, n.id());
        Store.update(c, "INSERT INTO notebook (student, id, title, summary, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", student, n.id(), n.title(), n.summary(),
                n.created().toEpochMilli(), n.updated().toEpochMilli());
        insertCells(c, student, n.id(), n.cells());
    }

    private static void insertCells(Connection c, String student, String id, List<Notebook.Cell> cells)
            throws SQLException {
        for (int i = 0; i < cells.size(); i++) {
            Notebook.Cell cell = cells.get(i);
            Store.update(c, "INSERT INTO notebook_cell (student, notebook, position, kind, mode, source)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", student, id, i, cell.kind(), cell.mode(), cell.source());
        }
    }

    private String newId() {
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }
}
