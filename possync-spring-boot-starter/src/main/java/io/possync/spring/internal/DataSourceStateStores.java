package io.possync.spring.internal;

import io.possync.api.ConfigurationException;
import io.possync.api.StateStoreException;
import io.possync.core.state.JdbcStateStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * A state store in the application's database: PostgreSQL through the application's pool, SQLite in the file its
 * URL names (possync keeps its own single connection to it, as SQLite has one writer at a time).
 */
public final class DataSourceStateStores {

    private DataSourceStateStores() {
    }

    /** The store in {@code dataSource}'s database. */
    public static JdbcStateStore open(DataSource dataSource) {
        String product;
        String url;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            product = meta.getDatabaseProductName();
            url = meta.getURL();
        } catch (SQLException e) {
            throw new StateStoreException("cannot reach the application's DataSource to keep possync's state: " + e.getMessage(), e);
        }
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return JdbcStateStore.postgres(dataSource, "the application's DataSource (" + redact(url) + ")");
        }
        if (name.contains("sqlite")) {
            return JdbcStateStore.sqlite(sqliteFile(url));
        }
        throw new ConfigurationException("spring.datasource", "possync keeps its state in PostgreSQL or SQLite; the application's"
                + " DataSource is " + product + ". Define a StateStore bean to keep it elsewhere");
    }

    /** The file of a {@code jdbc:sqlite:} URL; an in-memory database is refused (its state would die with each connection). */
    static Path sqliteFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isEmpty() || file.contains(":memory:") || file.contains("mode=memory")) {
            throw new ConfigurationException("spring.datasource.url", "possync's state needs a SQLite file, not an in-memory"
                    + " database (" + url + ")");
        }
        return Path.of(file);
    }

    private static String redact(String url) {
        return url == null ? "unknown URL" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
