-- V2: the playground's notebooks, each a student's own: a title, a summary and ordered cells.
--
-- A notebook is saved whole (its cells replaced in one transaction), so positions are 0..n-1.

CREATE TABLE notebook (
    student    TEXT   NOT NULL,
    id         TEXT   NOT NULL,
    title      TEXT   NOT NULL,
    summary    TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (student, id)
);

CREATE TABLE notebook_cell (
    student  TEXT    NOT NULL,
    notebook TEXT    NOT NULL,
    position INTEGER NOT NULL,
    kind     TEXT    NOT NULL,  -- 'java' or 'markdown'
    mode     TEXT    NOT NULL,  -- for java: 'run', 'no-run' or 'expect-error'; for markdown: 'run'
    source   TEXT    NOT NULL,
    PRIMARY KEY (student, notebook, position)
);
