package dev.zeno.bench.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
    @Test
    void tableHasRatiosTargetsAndProblems() {
        Compare.Row thr = new Compare.Row("tcp PUSH/PULL 16 B", "msg/s", true, 3.0, 1.3, "Zeno >= 3x JeroMQ, >= 1.3x libzmq");
        thr.samples.put(Compare.Peer.ZENO, List.of(4_000_000.0));
        thr.samples.put(Compare.Peer.JEROMQ, List.of(1_000_000.0));
        thr.samples.put(Compare.Peer.LIBZMQ, List.of(2_000_000.0, 4_000_000.0, 3_000_000.0));
        Compare.Row lat = new Compare.Row("tcp REQ/REP p50", "us", false, null, 0.7, "Zeno <= 0.7x libzmq");
        lat.samples.put(Compare.Peer.ZENO, List.of(30.0));
        lat.problems.put(Compare.Peer.JEROMQ, "timed out, killed (pid 42)");
        lat.samples.put(Compare.Peer.LIBZMQ, List.of(40.0));
        Report report = new Report(List.of(thr, lat), Map.of("date", "today"), List.of(), "raw");
        String table = report.table();
        assertTrue(table.contains("| tcp PUSH/PULL 16 B | msg/s | 4,000,000 | 1,000,000 | 3,000,000 | 4.00x | 1.33x |"), table);
        assertTrue(table.contains("| yes yes |"), table);
        assertTrue(table.contains("| tcp REQ/REP p50 | us | 30.0 | n/a | 40.0 |  | 0.75x | Zeno <= 0.7x libzmq | **no** |"), table);
        assertTrue(table.contains("- tcp REQ/REP p50, JeroMQ: timed out, killed (pid 42)"), table);
        String svg = report.svg();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.trim().endsWith("</svg>"), svg);
        assertTrue(svg.contains("4,000,000"), svg);
        assertTrue(report.markdown("x.svg").contains("![chart](x.svg)"));
    }
}
