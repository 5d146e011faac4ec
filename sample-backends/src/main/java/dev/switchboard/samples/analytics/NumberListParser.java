package dev.switchboard.samples.analytics;

/** Parses the comma-separated numbers of a query parameter, naming the first bad one so the caller can fix it. */
final class NumberListParser {

    private final int maxValues;

    NumberListParser(int maxValues) {
        this.maxValues = maxValues;
    }

    /**
     * @throws IllegalArgumentException naming the parameter and the offending entry
     */
    double[] parse(String parameter, String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(parameter + " must list at least one number, e.g. " + parameter + "=1,2,3.5");
        }
        String[] parts = text.split(",", -1);
        if (parts.length > maxValues) {
            throw new IllegalArgumentException(parameter + " may list at most " + maxValues + " numbers, had " + parts.length);
        }
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            try {
                values[i] = Double.parseDouble(part);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(parameter + "[" + i + "] is not a number: '" + abbreviate(part) + "'");
            }
            // parseDouble also accepts "NaN", "Infinity" and hex or "1d" forms; only plain finite decimals are data here.
            if (!Double.isFinite(values[i]) || !part.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new IllegalArgumentException(parameter + "[" + i + "] is not a finite decimal number: '"
                        + abbreviate(part) + "'");
            }
        }
        return values;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
