/**
 * The ZeroMQ guide's classics (hello world, weather feed, task pipeline), the demo and the
 * SQLite recorder as one command-line program. An application, not a library: it exports
 * nothing, and opens its command packages to picocli, which fills their option fields.
 */
module dev.zeno.examples {
    requires dev.zeno.patterns;
    requires info.picocli;
    requires java.sql;
    requires org.xerial.sqlitejdbc;

    opens dev.zeno.examples to info.picocli;
    opens dev.zeno.examples.hello to info.picocli;
    opens dev.zeno.examples.weather to info.picocli;
    opens dev.zeno.examples.pipeline to info.picocli;
    opens dev.zeno.examples.demo to info.picocli;
    opens dev.zeno.examples.recorder to info.picocli;
}
