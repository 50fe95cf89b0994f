package io.possync.dbscheduler;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A small connection pool for tests that counts the statements sent through it (one per prepare or execute). */
final class CountingPool implements DataSource {

    private final DataSource database;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final AtomicLong statements = new AtomicLong();

    CountingPool(DataSource database) {
        this.database = database;
    }

    long statements() {
        return statements.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = idle.poll();
        if (real == null || real.isClosed()) {
            real = database.getConnection();
        }
        real.setAutoCommit(true);
        Connection pooled = real;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, (p, m, args) -> {
            switch (m.getName()) {
                case "close" -> {
                    idle.add(pooled);
                    return null;
                }
                case "prepareStatement", "prepareCall", "createStatement" -> statements.incrementAndGet();
                default -> {
                }
            }
            try {
                return m.invoke(pooled, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
