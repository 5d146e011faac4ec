package dev.switchboard.collector.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The few series of a Prometheus text exposition the collector needs, parsed line by line. */
final class PrometheusText {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample line: metric name, labels and value. */
    record Line(String name, Map<String, String> labels, double value) {
    }

    private final List<Line> lines;

    private PrometheusText(List<Line> lines) {
        this.lines = lines;
    }

    static PrometheusText parse(String text) {
        List<Line> lines = new ArrayList<>();
        for (String raw : text.split("\n")) {
            Line line = parseLine(raw.strip());
            if (line != null) {
                lines.add(line);
            }
        }
        return new PrometheusText(lines);
    }

    private static @Nullable Line parseLine(String raw) {
        if (raw.isEmpty() || raw.startsWith("#")) {
            return null;
        }
        int brace = raw.indexOf('{');
        int space = raw.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String name;
        Map<String, String> labels = new java.util.HashMap<>();
        String rest;
        if (brace >= 0 && brace < space) {
            int close = raw.lastIndexOf('}');
            if (close < brace) {
                return null;
            }
            name = raw.substring(0, brace);
            Matcher matcher = LABEL.matcher(raw.substring(brace + 1, close));
            while (matcher.find()) {
                labels.put(matcher.group(1), matcher.group(2));
            }
            rest = raw.substring(close + 1).strip();
        } else {
            name = raw.substring(0, space);
            rest = raw.substring(space + 1).strip();
        }
        String value = rest.split("\\s+")[0];
        try {
            return new Line(name, labels, Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    List<Line> series(String name) {
        return lines.stream().filter(line -> line.name().equals(name)).toList();
    }

    /** Sum of a metric's series that match the filter, or {@code null} when there is none. */
    @Nullable Double sum(String name, Predicate<Line> filter) {
        Double total = null;
        for (Line line : lines) {
            if (line.name().equals(name) && filter.test(line)) {
                total = (total == null ? 0 : total) + line.value();
            }
        }
        return total;
    }
}
