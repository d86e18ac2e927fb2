/**
 * Student progress and saved editor contents over JDBC.
 *
 * <p>{@link org.tunelab.store.Store} is the front door: SQLite by default ({@code Store.sqlite}),
 * PostgreSQL through {@code Store.open(url, user, password)}. The schema lives in
 * {@code src/main/resources/db/migration/V<n>__<what>.sql}, applied in order on open and recorded
 * in {@code schema_version}; to add tables, add the next file.
 */
package org.tunelab.store;
