package dev.zeno.examples.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Message;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.support.RoleRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording into SQLite and querying it back, on temporary databases. */
class RecorderTest {
    @TempDir
    Path dir;

    @Test
    void topicIsTheFirstWordAndValueTheFirstNumberAfterIt() {
        UpdateParser parser = new UpdateParser();
        Update weather = parser.parse(new Message("10001 72 35"), 1234);
        assertEquals("10001", weather.topic());
        assertEquals(72.0, weather.value());
        assertEquals("10001 72 35", weather.payload());
        assertEquals(1234, weather.receivedAtMillis());

        Update sensor = parser.parse(new Message("kitchen/temp celsius -3.5 ok"), 0);
        assertEquals("kitchen/temp", sensor.topic());
        assertEquals(-3.5, sensor.value());

        Update noNumber = parser.parse(new Message("status online"), 0);
        assertNull(noNumber.value());

        Update multipart = parser.parse(new Message("alarm 3", "second frame"), 0);
        assertEquals("alarm", multipart.topic());
        assertEquals("alarm 3\nsecond frame", multipart.payload());

        assertEquals("", parser.parse(new Message(""), 0).topic());
        assertEquals("  ", parser.parse(new Message("  "), 0).payload());
        assertEquals(1000.0, parser.parse(new Message("t x 1e3 5"), 0).value());
        assertEquals(0.5, parser.parse(new Message("t .5"), 0).value());
        assertEquals(7.0, parser.parse(new Message(" \tt\t+7 "), 0).value());
        assertEquals("t", parser.parse(new Message(" \tt\t+7 "), 0).topic());
        assertEquals(12345678901234567890.0, parser.parse(new Message("t 12345678901234567890"), 0).value());
        assertNull(parser.parse(new Message("t - + 1.2.3 e5 NaN Infinity 0x10"), 0).value());
    }

    @Test
    void storeKeepsWhatItHeldAcrossReopening() {
        Path db = dir.resolve("keep.db");
        try (RecordingStore store = RecordingStore.openForRecording(db)) {
            store.append(List.of(new Update("10001", "10001 70 30", 1, 70.0), new Update("10001", "10001 80 30", 2, 80.0),
                    new Update("20002", "20002 -10 50", 3, -10.0), new Update("log", "log line", 4, null)));
        }
        try (RecordingStore store = RecordingStore.openForRecording(db)) {
            assertEquals(4, store.count());
            store.append(List.of(new Update("20002", "20002 10 50", 5, 10.0)));
        }
        try (RecordingStore store = RecordingStore.openForQuery(db)) {
            assertEquals(List.of(new TopicStats("10001", 2, 75.0), new TopicStats("20002", 2, 0.0),
                    new TopicStats("log", 1, null)), store.statistics(List.of()));
            assertEquals(List.of(new TopicStats("20002", 2, 0.0)), store.statistics(List.of("2")));
            assertEquals(List.of(), store.statistics(List.of("%")), "a prefix is literal, not a LIKE pattern");
        }
    }

    @Test
    void writerCommitsEveryNRowsOrAfterTheDelay() {
        Path db = dir.resolve("batches.db");
        try (RecordingStore store = RecordingStore.openForRecording(db);
             BatchingWriter writer = new BatchingWriter(store, 3, 1_000_000)) {
            writer.add(new Update("a", "a 1", 0, 1.0), 0);
            writer.add(new Update("a", "a 2", 0, 2.0), 10);
            assertEquals(0, store.count(), "two rows wait for the third");
            writer.add(new Update("a", "a 3", 0, 3.0), 20);
            assertEquals(3, store.count(), "the third row commits the batch");
            writer.add(new Update("b", "b 1", 0, 1.0), 30);
            writer.flushIfDue(30 + 999_999);
            assertEquals(3, store.count(), "not yet old enough");
            writer.flushIfDue(30 + 1_000_000);
            assertEquals(4, store.count(), "old enough");
        }
    }

    @Test
    void recorderStoresAFeedAndQueryReportsIt() throws Exception {
        Path db = dir.resolve("feed.db");
        try (Context ctx = new Context();
             RecordingStore store = RecordingStore.openForRecording(db)) {
            Socket pub = ctx.socket(SocketType.PUB);
            pub.bind("inproc://feed");
            Socket sub = ctx.socket(SocketType.SUB);
            sub.subscribe("10001");
            sub.subscribe("20002");
            sub.connect("inproc://feed");
            BatchingWriter writer = new BatchingWriter(store, 50, Duration.ofMillis(100).toNanos());
            Recorder recorder = new Recorder(sub, writer, Duration.ofMillis(100));
            AtomicLong recorded = new AtomicLong();
            Thread thread = new Thread(() -> recorded.set(recorder.record(() -> false, 200)));
            thread.start();
            // publish until the recorder has its 200 updates: the first ones may go before the
            // subscription arrives
            int i = 0;
            while (thread.isAlive()) {
                pub.send((i % 3 == 0 ? "10001" : i % 3 == 1 ? "20002" : "30003") + " " + (i % 2 == 0 ? 10 : 20) + " 50");
                i++;
                if (i % 100 == 0) {
                    thread.join(1);
                }
            }
            assertEquals(200, recorded.get());
            assertEquals(200, store.count());
        }
        RoleRun all = RoleRun.of("query", "--db", db.toString());
        assertEquals(ExitCodes.OK, all.exitCode(), all.toString());
        assertTrue(all.out().contains("10001"), all.toString());
        assertTrue(all.out().contains("20002"), all.toString());
        assertTrue(!all.out().contains("30003"), "not subscribed: " + all);
        assertTrue(all.out().contains("200 updates in 2 topics"), all.toString());

        RoleRun one = RoleRun.of("query", "--db", db.toString(), "--topic", "2");
        assertEquals(ExitCodes.OK, one.exitCode(), one.toString());
        assertTrue(one.out().contains("20002"), one.toString());
        assertTrue(!one.out().contains("10001"), one.toString());
    }

    @Test
    void databaseItCannotOpenIsAClearErrorAndNonZeroExit() throws Exception {
        Path notADatabase = dir.resolve("garbage.db");
        Files.writeString(notADatabase, "this is not an SQLite database, not even close ".repeat(100));
        RoleRun garbage = RoleRun.of("recorder", "--db", notADatabase.toString(), "--connect", "inproc://x");
        assertEquals(ExitCodes.FAILURE, garbage.exitCode(), garbage.toString());
        assertTrue(garbage.err().contains("garbage.db"), garbage.toString());

        Path missingDirectory = dir.resolve("no/such/dir/x.db");
        RoleRun missing = RoleRun.of("recorder", "--db", missingDirectory.toString(), "--connect", "inproc://x");
        assertEquals(ExitCodes.FAILURE, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("x.db"), missing.toString());

        RoleRun query = RoleRun.of("query", "--db", dir.resolve("never-recorded.db").toString());
        assertEquals(ExitCodes.FAILURE, query.exitCode(), query.toString());
        assertTrue(query.err().contains("never-recorded.db"), query.toString());
        assertTrue(!Files.exists(dir.resolve("never-recorded.db")), "a query creates no database");

        assertThrows(StoreException.class, () -> RecordingStore.openForQuery(notADatabase));
    }
}
