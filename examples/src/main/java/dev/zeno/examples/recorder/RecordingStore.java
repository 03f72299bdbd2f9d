package dev.zeno.examples.recorder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite database of recorded updates: opens (and creates) it, appends batches of
 * updates, summarizes them per topic. Not thread-safe: one thread uses a store.
 */
public final class RecordingStore implements AutoCloseable {
    private static final String SCHEMA = "CREATE TABLE IF NOT EXISTS updates ("
            + " id INTEGER PRIMARY KEY,"
            + " topic TEXT NOT NULL,"
            + " payload TEXT NOT NULL,"
            + " received_at INTEGER NOT NULL,"
            + " value REAL)";
    private static final String INSERT =
            "INSERT INTO updates (topic, payload, received_at, value) VALUES (?, ?, ?, ?)";

    private final Path path;
    private final Connection connection;
    private PreparedStatement insert;

    private RecordingStore(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    /**
     * Opens the database at {@code path} for recording, creating it (but not its directory)
     * if needed; what it holds already is kept.
     *
     * @throws StoreException naming the path if it cannot be opened or is not such a database
     */
    public static RecordingStore openForRecording(Path path) {
        Connection connection = connect(path, false);
        try (Statement statement = connection.createStatement()) {
            // WAL: a query may read while the recorder writes; NORMAL: a commit does not wait
            // for the disk, so the recorder keeps up (a crash may lose the last batches only)
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=NORMAL");
            statement.execute("PRAGMA busy_timeout=5000");
            statement.execute(SCHEMA);
            connection.setAutoCommit(false);
            connection.commit();
            return new RecordingStore(path, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("cannot open recording database '" + path + "': " + e.getMessage(), e);
        }
    }

    /**
     * Opens the database at {@code path} read-only, for queries.
     *
     * @throws StoreException naming the path if it does not exist or holds no recording
     */
    public static RecordingStore openForQuery(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new StoreException("no recording database at '" + path + "' (run the recorder first, or give --db)");
        }
        Connection connection = connect(path, true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout=5000");
            try (ResultSet tables = statement.executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'updates'")) {
                if (!tables.next()) {
                    throw new StoreException("'" + path + "' is an SQLite database but holds no recorded updates");
                }
            }
            return new RecordingStore(path, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("cannot read recording database '" + path + "': " + e.getMessage(), e);
        } catch (StoreException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static Connection connect(Path path, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
        } catch (SQLException e) {
            throw new StoreException("cannot open recording database '" + path + "': " + e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path path() {
        return path;
    }

    /**
     * Appends {@code updates} in one transaction.
     *
     * @throws StoreException if the write fails (the batch is then rolled back)
     */
    public void append(List<Update> updates) {
        if (updates.isEmpty()) {
            return;
        }
        try {
            if (insert == null) {
                insert = connection.prepareStatement(INSERT);
            }
            for (Update update : updates) {
                insert.setString(1, update.topic());
                insert.setString(2, update.payload());
                insert.setLong(3, update.receivedAtMillis());
                if (update.value() == null) {
                    insert.setNull(4, Types.REAL);
                } else {
                    insert.setDouble(4, update.value());
                }
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the write failed already; report that
            }
            throw new StoreException("cannot write to recording database '" + path + "': " + e.getMessage(), e);
        }
    }

    /** How many updates are stored. */
    public long count() {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM updates")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot read recording database '" + path + "': " + e.getMessage(), e);
        }
    }

    /**
     * Per topic, in topic order: the count of stored updates and the average of their values.
     *
     * @param prefixes only topics starting with one of these; empty: every topic
     */
    public List<TopicStats> statistics(List<String> prefixes) {
        StringBuilder sql = new StringBuilder("SELECT topic, COUNT(*), AVG(value) FROM updates");
        for (int i = 0; i < prefixes.size(); i++) {
            // substr, not LIKE: a prefix is taken literally, '%' and '_' included
            sql.append(i == 0 ? " WHERE " : " OR ").append("substr(topic, 1, length(?)) = ?");
        }
        sql.append(" GROUP BY topic ORDER BY topic");
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < prefixes.size(); i++) {
                query.setString(2 * i + 1, prefixes.get(i));
                query.setString(2 * i + 2, prefixes.get(i));
            }
            List<TopicStats> stats = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String topic = rows.getString(1);
                    long count = rows.getLong(2);
                    double average = rows.getDouble(3);
                    // AVG is NULL when no update of the topic had a number
                    stats.add(new TopicStats(topic, count, rows.wasNull() ? null : average));
                }
            }
            return stats;
        } catch (SQLException e) {
            throw new StoreException("cannot read recording database '" + path + "': " + e.getMessage(), e);
        }
    }

    /** Closes the database; what was appended is kept. */
    @Override
    public void close() {
        try {
            if (insert != null) {
                insert.close();
            }
        } catch (SQLException ignored) {
            // closing: the connection's close below reports what matters
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close recording database '" + path + "': " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing: the first error is the one to report
        }
    }
}
