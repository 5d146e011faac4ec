package dev.switchboard.samples.analytics;

import dev.switchboard.samples.analytics.Statistics.Bin;
import dev.switchboard.samples.analytics.Statistics.Summary;
import dev.switchboard.support.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The analytics-api stand-in: summary statistics, correlation and histograms of numbers given in the URL. */
@RestController
@Profile("analytics-api")
@RequestMapping("/api/v1/analyze")
class AnalyticsController {

    private static final List<Double> DEFAULT_PROBABILITIES = List.of(0.25, 0.5, 0.75);

    private final AnalyticsProperties properties;
    private final NumberListParser parser;

    AnalyticsController(AnalyticsProperties properties) {
        this.properties = properties;
        this.parser = new NumberListParser(properties.maxValues());
    }

    /** {@code values=1,2,3} and optional {@code probs=0.1,0.9} (quantile probabilities, default quartiles). */
    @GetMapping("/summary")
    Summary summary(@RequestParam String values, @RequestParam(required = false) @Nullable String probs) {
        return answer(() -> {
            double[] data = parser.parse("values", values);
            List<Double> probabilities = probs == null ? DEFAULT_PROBABILITIES : probabilities(probs);
            return Statistics.summary(data, probabilities);
        });
    }

    /** {@code x=...&y=...} paired values, {@code method=pearson} (default) or {@code spearman}. */
    @GetMapping("/correlation")
    Correlation correlation(@RequestParam String x, @RequestParam String y,
            @RequestParam(defaultValue = "pearson") String method) {
        return answer(() -> {
            double[] xs = parser.parse("x", x);
            double[] ys = parser.parse("y", y);
            String normalised = method.toLowerCase(Locale.ROOT);
            double coefficient = switch (normalised) {
                case "pearson" -> Statistics.pearson(xs, ys);
                case "spearman" -> Statistics.spearman(xs, ys);
                default -> throw new IllegalArgumentException("method must be 'pearson' or 'spearman', was '" + method + "'");
            };
            return new Correlation(normalised, xs.length, coefficient);
        });
    }

    /** {@code values=...} and optional {@code bins} (default: Sturges' rule, as R's hist). */
    @GetMapping("/histogram")
    Histogram histogram(@RequestParam String values, @RequestParam(required = false) @Nullable Integer bins) {
        return answer(() -> {
            if (bins != null && (bins < 1 || bins > properties.maxBins())) {
                throw new IllegalArgumentException("bins must be between 1 and " + properties.maxBins() + ", was " + bins);
            }
            double[] data = parser.parse("values", values);
            return new Histogram(data.length, Statistics.histogram(data, bins));
        });
    }

    private List<Double> probabilities(String text) {
        List<Double> probabilities = new ArrayList<>();
        for (double p : parser.parse("probs", text)) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("probs must lie between 0 and 1, had " + p);
            }
            probabilities.add(p);
        }
        return probabilities;
    }

    /** Turns the analyses' argument errors into 400 problem+json, so each check is written once, where it belongs. */
    private static <T> T answer(Supplier<T> analysis) {
        try {
            return analysis.get();
        } catch (IllegalArgumentException ex) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", ex.getMessage());
        }
    }

    /** Body of {@code GET /api/v1/analyze/correlation}. */
    record Correlation(String method, int n, double coefficient) {
    }

    /** Body of {@code GET /api/v1/analyze/histogram}. */
    record Histogram(int n, List<Bin> bins) {
    }
}
