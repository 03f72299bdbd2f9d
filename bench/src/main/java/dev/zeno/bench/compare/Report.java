package dev.zeno.bench.compare;

import dev.zeno.bench.compare.Compare.Peer;
import dev.zeno.bench.compare.Compare.Row;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown table and the hand-written SVG bar chart of a {@code compare} run. */
final class Report {
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c"};

    private final List<Row> rows;
    private final Map<String, String> environment;
    private final List<String> notes;
    private final String raw;

    Report(List<Row> rows, Map<String, String> environment, List<String> notes, String raw) {
        this.rows = rows;
        this.environment = environment;
        this.notes = notes;
        this.raw = raw;
    }

    // ================================================================================ Markdown

    String markdown(String svgName) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Zeno vs JeroMQ vs libzmq\n\n");
        for (Map.Entry<String, String> e : environment.entrySet()) {
            sb.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        sb.append('\n').append(table()).append('\n');
        sb.append("Ratios are Zeno's figure divided by the other's: above 1 is better for throughput, below 1 is better "
                + "for latency and drops. A target is the one set for Zeno in issue 5; \"met\" compares the ratio with it. "
                + "Each pair of processes runs the same library on both sides (except the interop rows); "
                + "figures come from the libzmq-compatible perf tools (`java -jar zeno-bench.jar local_thr ...`).\n\n");
        for (String n : notes) {
            sb.append("- ").append(n).append('\n');
        }
        sb.append("![chart](").append(svgName).append(")\n\n");
        sb.append(rounds()).append('\n');
        sb.append("<details><summary>Raw output of every run</summary>\n\n").append(raw).append("</details>\n");
        return sb.toString();
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| case | unit | Zeno | JeroMQ | libzmq | Zeno ÷ JeroMQ | Zeno ÷ libzmq | target | met |\n");
        sb.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        StringBuilder problems = new StringBuilder();
        for (Row r : rows) {
            Double z = r.value(Peer.ZENO);
            Double j = r.value(Peer.JEROMQ);
            Double l = r.value(Peer.LIBZMQ);
            Double rj = ratio(z, j);
            Double rl = ratio(z, l);
            sb.append("| ").append(r.title).append(" | ").append(r.unit)
                    .append(" | ").append(cell(r, Peer.ZENO, z, problems))
                    .append(" | ").append(cell(r, Peer.JEROMQ, j, problems))
                    .append(" | ").append(cell(r, Peer.LIBZMQ, l, problems))
                    .append(" | ").append(rj == null ? "" : fmtRatio(rj))
                    .append(" | ").append(rl == null ? "" : fmtRatio(rl))
                    .append(" | ").append(r.target)
                    .append(" | ").append(met(r, rj, rl))
                    .append(" |\n");
        }
        if (problems.length() > 0) {
            sb.append('\n').append(problems);
        }
        return sb.toString();
    }

    /** Every round's figure, so the spread behind each median shows. */
    String rounds() {
        StringBuilder sb = new StringBuilder("All rounds (the table shows their median):\n\n");
        sb.append("| case | unit | Zeno | JeroMQ | libzmq |\n| --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            sb.append("| ").append(r.title).append(" | ").append(r.unit);
            for (Peer p : Peer.values()) {
                List<Double> samples = r.samples.get(p);
                sb.append(" | ");
                if (samples != null) {
                    for (int i = 0; i < samples.size(); i++) {
                        sb.append(i == 0 ? "" : ", ").append(fmt(samples.get(i), r.unit));
                    }
                }
            }
            sb.append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(Row r, Peer p, Double v, StringBuilder problems) {
        if (v != null) {
            return fmt(v, r.unit);
        }
        String why = r.problems.get(p);
        if (why == null) {
            return "";
        }
        problems.append("- ").append(r.title).append(", ").append(p.label).append(": ").append(why).append('\n');
        return "n/a";
    }

    private static String met(Row r, Double vsJeromq, Double vsLibzmq) {
        StringBuilder sb = new StringBuilder();
        if (r.minVsJeromq != null) {
            sb.append(vsJeromq == null ? "? " : vsJeromq >= r.minVsJeromq ? "yes " : "**no** ");
        }
        if (r.vsLibzmq != null) {
            boolean ok = vsLibzmq != null && (r.higherIsBetter ? vsLibzmq >= r.vsLibzmq : vsLibzmq <= r.vsLibzmq);
            sb.append(vsLibzmq == null ? "?" : ok ? "yes" : "**no**");
        }
        return sb.toString().trim();
    }

    private static Double ratio(Double a, Double b) {
        if (a == null || b == null || b == 0) {
            return null;
        }
        return a / b;
    }

    static String fmt(double v, String unit) {
        if (unit.equals("msg/s")) {
            return String.format(Locale.ROOT, "%,d", Math.round(v));
        }
        if (unit.equals("%")) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmtRatio(double r) {
        return String.format(Locale.ROOT, r >= 10 ? "%.1fx" : "%.2fx", r);
    }

    // ================================================================================ SVG

    /** One group of three bars per row, each bar scaled to the largest figure of its row. */
    String svg() {
        int labelWidth = 440;
        int barMax = 340;
        int barHeight = 14;
        int gap = 3;
        int groupGap = 18;
        int top = 70;
        int width = labelWidth + barMax + 130;
        int groupHeight = 3 * barHeight + 2 * gap;
        int height = top + rows.size() * (groupHeight + groupGap) + 40;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">\n", width, height, width, height));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
        sb.append("<text x=\"10\" y=\"22\" font-size=\"16\" font-weight=\"bold\">Zeno vs JeroMQ vs libzmq</text>\n");
        sb.append("<text x=\"10\" y=\"40\" fill=\"#555\">").append(esc(environment.getOrDefault("date", "")))
                .append(" — ").append(esc(environment.getOrDefault("machine", ""))).append("</text>\n");
        sb.append("<text x=\"10\" y=\"56\" fill=\"#555\" font-size=\"11\">")
                .append("Bars are scaled to the largest figure of each row; ratios are Zeno's figure over the other's.</text>\n");
        Peer[] peers = Peer.values();
        for (int i = 0; i < peers.length; i++) {
            int x = labelWidth + i * 100;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"12\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"22\">%s</text>\n", x, COLORS[i], x + 16, peers[i].label));
        }
        int y = top;
        for (Row r : rows) {
            double max = 0;
            for (Peer p : peers) {
                Double v = r.value(p);
                if (v != null) {
                    max = Math.max(max, v);
                }
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>\n",
                    y + 16, esc(shorten(r.title, 64))));
            StringBuilder sub = new StringBuilder(r.unit);
            sub.append(r.higherIsBetter ? ", higher is better" : ", lower is better");
            Double z = r.value(Peer.ZENO);
            Double rj = ratio(z, r.value(Peer.JEROMQ));
            Double rl = ratio(z, r.value(Peer.LIBZMQ));
            if (rj != null) {
                sub.append(" · vs JeroMQ ").append(fmtRatio(rj));
            }
            if (rl != null) {
                sub.append(" · vs libzmq ").append(fmtRatio(rl));
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" fill=\"#666\" font-size=\"11\">%s</text>\n",
                    y + 32, esc(sub.toString())));
            for (int i = 0; i < peers.length; i++) {
                Double v = r.value(peers[i]);
                int by = y + i * (barHeight + gap);
                if (v == null) {
                    String why = r.problems.containsKey(peers[i]) ? "n/a" : "";
                    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#999\">%s</text>\n",
                            labelWidth + 4, by + barHeight - 3, why));
                    continue;
                }
                int w = max <= 0 ? 0 : (int) Math.max(1, Math.round(barMax * v / max));
                sb.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s %s</title></rect>\n",
                        labelWidth, by, w, barHeight, COLORS[i], peers[i].label, esc(fmt(v, r.unit))));
                sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>\n",
                        labelWidth + w + 4, by + barHeight - 3, esc(fmt(v, r.unit))));
            }
            y += groupHeight + groupGap;
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
