package dev.switchboard.samples.vector;

import dev.switchboard.samples.vector.Corpus.CorpusFullException;
import dev.switchboard.samples.vector.Corpus.Match;
import dev.switchboard.samples.vector.VectorSearchService.Stats;
import dev.switchboard.support.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The vector-api stand-in's HTTP interface: search, stats and embed, all under {@code /api/v1}. */
@RestController
@Profile("vector-api")
@RequestMapping("/api/v1")
class VectorController {

    private final VectorSearchService service;
    private final VectorProperties properties;

    VectorController(VectorSearchService service, VectorProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @GetMapping("/search")
    SearchResponse search(@RequestParam String query, @RequestParam(defaultValue = "5") int k) {
        if (k < 1 || k > properties.maxK()) {
            throw invalid("k must be between 1 and " + properties.maxK() + ", was " + k);
        }
        checkText("query", query);
        try {
            return new SearchResponse(query, k, service.search(query, k));
        } catch (IllegalArgumentException ex) {
            throw invalid(ex.getMessage());
        }
    }

    @GetMapping("/stats")
    Stats stats() {
        return service.stats();
    }

    @PostMapping("/embed")
    ResponseEntity<EmbedResponse> embed(@Valid @RequestBody EmbedRequest request) {
        if (request.texts().size() > properties.maxBatch()) {
            throw invalid("texts may hold at most " + properties.maxBatch() + " entries, had " + request.texts().size());
        }
        for (int i = 0; i < request.texts().size(); i++) {
            checkText("texts[" + i + "]", request.texts().get(i));
        }
        List<Embedding> embeddings = new ArrayList<>(request.texts().size());
        if (Boolean.TRUE.equals(request.add())) {
            try {
                for (Corpus.Document document : service.add(request.texts())) {
                    embeddings.add(new Embedding(document.id(), document.text(), document.vector()));
                }
            } catch (CorpusFullException ex) {
                throw new ProblemException(HttpStatus.CONFLICT, "corpus-full", ex.getMessage());
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(new EmbedResponse(properties.dimensions(), embeddings));
        }
        for (String text : request.texts()) {
            embeddings.add(new Embedding(null, text, service.embed(text)));
        }
        return ResponseEntity.ok(new EmbedResponse(properties.dimensions(), embeddings));
    }

    private void checkText(String name, String text) {
        if (text.isBlank()) {
            throw invalid(name + " must not be blank");
        }
        if (text.length() > properties.maxTextLength()) {
            throw invalid(name + " may be at most " + properties.maxTextLength() + " characters, was " + text.length());
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", detail);
    }

    /** Body of {@code GET /api/v1/search}: the best {@code k} documents, most similar first. */
    record SearchResponse(String query, int k, List<Match> results) {
    }

    /**
     * Body of {@code POST /api/v1/embed}.
     *
     * @param texts the texts to embed
     * @param add also store them in the corpus (answer 201 with their new ids)
     */
    record EmbedRequest(@NotNull @NotEmpty List<@NotBlank String> texts, @Nullable Boolean add) {
    }

    /** One embedded text; {@code id} is set when it was added to the corpus. */
    record Embedding(@Nullable String id, String text, float[] vector) {
    }

    record EmbedResponse(int dimensions, List<Embedding> embeddings) {
    }
}
