package dev.zeno.examples.recorder;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketClosedException;
import dev.zeno.SocketType;
import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.RoleCommand;
import dev.zeno.examples.StopSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code recorder}: stores every update of a feed in SQLite, until killed. */
@Command(name = "recorder", mixinStandardHelpOptions = true,
        description = {"Recorder (SUB): stores every update received in SQLite (topic = first word of the "
                + "first frame, payload, time received), until killed. Reconnects when the publisher "
                + "restarts; a restarted recorder adds to what is stored."})
public final class RecorderCommand extends RoleCommand {
    @Option(names = "--connect", defaultValue = "tcp://localhost:5556", paramLabel = "ENDPOINT",
            description = "Publisher to connect to (repeatable). Default: ${DEFAULT-VALUE}")
    private List<String> endpoints;

    @Option(names = "--topic", paramLabel = "PREFIX",
            description = "Topic prefix to subscribe to (repeatable); none: every update.")
    private List<String> topics = new ArrayList<>();

    @Option(names = "--db", defaultValue = "zeno-recorder.db", paramLabel = "FILE",
            description = "SQLite database, created if missing. Default: ${DEFAULT-VALUE}")
    private Path db;

    @Option(names = "--batch-size", defaultValue = "1000", paramLabel = "ROWS",
            description = "Commit after this many updates... Default: ${DEFAULT-VALUE}")
    private int batchSize;

    @Option(names = "--flush-ms", defaultValue = "100", paramLabel = "MS",
            description = "...or when the oldest uncommitted update is this old. Default: ${DEFAULT-VALUE}")
    private long flushMillis;

    @Option(names = "--count", defaultValue = "0", paramLabel = "N",
            description = "Stop after N updates; 0: until killed. Default: ${DEFAULT-VALUE}")
    private long count;

    @Override
    public Integer call() {
        if (batchSize < 1 || flushMillis < 0 || count < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--batch-size must be >= 1, --flush-ms and --count >= 0");
        }
        // open the database first: a database it cannot use fails before any network work
        try (StopSignal stop = StopSignal.onShutdown();
             RecordingStore store = RecordingStore.openForRecording(db);
             Context ctx = new Context()) {
            stop.closeOnStop(ctx);
            long before = store.count();
            Socket sub = ctx.socket(SocketType.SUB);
            if (topics.isEmpty()) {
                sub.subscribe("");
            } else {
                topics.forEach(sub::subscribe);
            }
            for (String endpoint : endpoints) {
                sub.connect(endpoint);
            }
            println("Recording " + (topics.isEmpty() ? "every topic" : "topics " + topics) + " from "
                    + String.join(", ", endpoints) + " into " + db + " (" + before + " updates stored)");
            Duration flush = Duration.ofMillis(flushMillis);
            BatchingWriter writer = new BatchingWriter(store, batchSize, flush.toNanos());
            long received = 0;
            try {
                received = new Recorder(sub, writer, flush).record(stop::isRequested, count);
            } catch (SocketClosedException e) {
                if (!stop.isRequested()) {
                    throw e;
                }
                received = writer.written();
            }
            println("Recorded " + received + " updates; " + store.count() + " stored in " + db);
        }
        return ExitCodes.OK;
    }
}
