package dev.zeno.examples.recorder;

import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.RoleCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code query}: summarizes what the recorder stored, per topic. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Prints, per topic, the count of stored updates and the average of the first number "
                + "after the topic (the temperature, for the weather feed).")
public final class QueryCommand extends RoleCommand {
    @Option(names = "--db", defaultValue = "zeno-recorder.db", paramLabel = "FILE",
            description = "SQLite database written by the recorder. Default: ${DEFAULT-VALUE}")
    private Path db;

    @Option(names = "--topic", paramLabel = "PREFIX",
            description = "Only topics starting with this prefix (repeatable).")
    private List<String> topics = new ArrayList<>();

    @Override
    public Integer call() {
        try (RecordingStore store = RecordingStore.openForQuery(db)) {
            List<TopicStats> stats = store.statistics(topics);
            if (stats.isEmpty()) {
                println("No updates stored" + (topics.isEmpty() ? "" : " for topics " + topics) + " in " + db);
                return ExitCodes.OK;
            }
            println(new StatsTable(stats).render());
        }
        return ExitCodes.OK;
    }

    /** The per-topic table: a header, then one aligned line per topic. */
    static final class StatsTable {
        private final List<TopicStats> stats;

        StatsTable(List<TopicStats> stats) {
            this.stats = stats;
        }

        String render() {
            int width = "topic".length();
            for (TopicStats topic : stats) {
                width = Math.max(width, topic.topic().length());
            }
            String format = "%-" + width + "s %10s %10s";
            StringBuilder table = new StringBuilder(String.format(Locale.ROOT, format, "topic", "count", "average"));
            long total = 0;
            for (TopicStats topic : stats) {
                String average = topic.average() == null ? "-" : String.format(Locale.ROOT, "%.2f", topic.average());
                table.append(System.lineSeparator())
                        .append(String.format(Locale.ROOT, format, topic.topic(), topic.count(), average));
                total += topic.count();
            }
            table.append(System.lineSeparator())
                    .append(String.format(Locale.ROOT, "%d updates in %d topics", total, stats.size()));
            return table.toString();
        }
    }
}
