package io.possync.core.state.internal;

/** The SQL that differs between the databases the JDBC store supports. */
public enum SqlDialect {
    /** SQLite 3.24+ (xerial sqlite-jdbc): one file, one writer at a time. */
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", ""),
    /** PostgreSQL 12+: shared by several processes. */
    POSTGRESQL("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", " FOR UPDATE");

    private final String identityColumn;
    private final String lockRow;

    SqlDialect(String identityColumn, String lockRow) {
        this.identityColumn = identityColumn;
        this.lockRow = lockRow;
    }

    /** The column definition of an auto-numbered primary key. */
    public String identityColumn() {
        return identityColumn;
    }

    /**
     * What to append to a SELECT to lock the rows it reads until the transaction ends. Empty for
     * SQLite, whose write transactions (BEGIN IMMEDIATE) already exclude every other writer.
     */
    public String lockRow() {
        return lockRow;
    }
}
