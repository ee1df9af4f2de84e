package io.github.uc15mail.outbox.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;

/**
 * Which database a store URL names and how to connect to it: {@code sqlite:PATH} (or
 * {@code jdbc:sqlite:PATH}) for one file on this host, {@code jdbc:postgresql://HOST:PORT/DB} for a
 * shared server. Holds the password only to open connections; {@link #toString()} never shows it.
 */
public final class StoreLocation {

    /** The two kinds of store. */
    public enum Dialect { SQLITE, POSTGRESQL }

    /** PostgreSQL: how long opening a connection may take. */
    public static final int CONNECT_TIMEOUT_SECONDS = 5;
    /** PostgreSQL: how long the server may keep any one call waiting; below the default 30 s lease. */
    public static final int STATEMENT_TIMEOUT_MILLIS = 8_000;
    /** PostgreSQL: how long a socket may stay silent before the call fails; below the default 30 s lease. */
    public static final int SOCKET_TIMEOUT_SECONDS = 10;

    /** How long a SQLite connection waits for a lock held by another process; below the write timeout. */
    public static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Dialect dialect;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private StoreLocation(Dialect dialect, String jdbcUrl, String user, String password) {
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Parses {@code url}.
     *
     * @throws IllegalArgumentException naming the field, the accepted forms and the value
     */
    public static StoreLocation parse(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("store: must be sqlite:PATH or jdbc:postgresql://HOST:PORT/DB, was empty");
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sqlite:") || lower.startsWith("jdbc:sqlite:")) {
            String path = u.substring(lower.startsWith("sqlite:") ? 7 : 12);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("store: sqlite:PATH needs a file path, was \"" + mask(u) + "\"");
            }
            if (path.equals(":memory:") || path.startsWith("file::memory")) {
                throw new IllegalArgumentException("store: must be a file (an outbox in memory is not durable), was \""
                        + mask(u) + "\"");
            }
            Path file = Path.of(path).toAbsolutePath();
            Path dir = file.getParent();
            if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
                throw new IllegalArgumentException("store: the directory of " + file + " must exist, was missing");
            }
            return new StoreLocation(Dialect.SQLITE, "jdbc:sqlite:" + file, null, null);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            if (u.contains("password=")) {
                throw new IllegalArgumentException("store: must not carry the password (give it separately), was "
                        + mask(u));
            }
            return new StoreLocation(Dialect.POSTGRESQL, u, user, password);
        }
        throw new IllegalArgumentException("store: must be sqlite:PATH or jdbc:postgresql://HOST:PORT/DB, was \""
                + mask(u) + "\"");
    }

    public Dialect dialect() {
        return dialect;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Opens a connection with the durability settings of the dialect. */
    public Connection open() throws SQLException {
        if (dialect == Dialect.SQLITE) {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // FULL: a commit is on disk (WAL fsync) before it returns, so a power cut loses no enqueued mail.
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            // Below the outbox's write timeout (15 s): a batch stuck on a file another process has locked fails
            // (and its callers learn that nothing was stored) before those callers give up waiting for it.
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            return DriverManager.getConnection(jdbcUrl, config.toProperties());
        }
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        // Fail fast when the server is gone instead of hanging producers and gateways. Every call is bounded
        // well under a lease (30 s by default, 3 s at the least a fleet should use): a hung socket must not let
        // peers reclaim live work while this host still waits on it.
        p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
        p.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        // A commit returns only once it is on the server's disk, whatever the server's or database's default.
        p.setProperty("options", "-c synchronous_commit=on -c statement_timeout=" + STATEMENT_TIMEOUT_MILLIS);
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "uc15mail-outbox");
        try {
            return DriverManager.getConnection(jdbcUrl, p);
        } catch (SQLException e) {
            if ("08001".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().contains("No suitable driver")) {
                throw new SQLException("the PostgreSQL driver (org.postgresql:postgresql) is not on the class path", e);
            }
            throw e;
        }
    }

    /** The URL, without any secret. */
    @Override
    public String toString() {
        return mask(dialect == Dialect.SQLITE ? "sqlite:" + jdbcUrl.substring(12) : jdbcUrl);
    }

    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/@?#:]*):[^/?#]*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");

    /**
     * A store URL as it may be shown (logs, errors, status): the password of a {@code user:password@} part
     * and the value of any {@code password=} parameter replaced by {@code ***}. Every place that echoes a
     * store URL goes through this.
     */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String m = USERINFO_PASSWORD.matcher(url).replaceAll("$1:***@");
        return PASSWORD_PARAM.matcher(m).replaceAll("$1***");
    }
}
