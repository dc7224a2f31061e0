package io.akhbar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akhbar.core.IndexDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the node's indexing time goes: the same finished documents, sent by the same plain {@code _bulk} loop, into
 * the production definition and into variants that each leave one part of it out. What a variant costs less is what
 * that part costs; the issue on speed asks for this wherever a goal is not met.
 */
final class DefinitionCost {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INDEX = "bench-definition-cost";

  private DefinitionCost() {}

  /** One row per variant: what it leaves out, docs/s, its speed against the production definition, its size. */
  static List<List<String>> rows(IngestBench ingest, Path docs, IndexDefinition production) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    double base = 0;
    for (Variant v : variants()) {
      ObjectNode body = (ObjectNode) JSON.readTree(production.createIndexJson());
      v.change().accept(body);
      IngestBench.Raw raw = ingest.rawBulk(docs, INDEX, JSON.writeValueAsString(body));
      long size = ingest.sizes(INDEX, false).asIndexed();
      if (base == 0) {
        base = raw.rate();
      }
      rows.add(List.of(v.name(), IngestBench.fmt("%,.0f", raw.rate()), IngestBench.fmt("%.2f×", raw.rate() / base),
          IngestBench.mb(size)));
      ingest.deleteIndex(INDEX);
    }
    return rows;
  }

  private record Variant(String name, Consumer<ObjectNode> change) {}

  private static List<Variant> variants() {
    return List.of(
        new Variant("production definition (title/body: `arabic_index`; `.exact`, `.ku` subfields)", b -> { }),
        new Variant("without the `.ku` subfields (Sorani analysis of every article)", b -> dropSubfield(b, "ku")),
        new Variant("without `.ku` and `.exact`", b -> {
          dropSubfield(b, "ku");
          dropSubfield(b, "exact");
        }),
        new Variant("title/body: the same chain with one stemming branch instead of the `arabic_variants` multiplexer",
            b -> {
              ObjectNode analyzers = (ObjectNode) b.at("/settings/index/analysis/analyzer");
              ObjectNode single = ((ObjectNode) analyzers.get("arabic_index")).deepCopy();
              ArrayNode filters = JSON.createArrayNode();
              single.get("filter").forEach(f -> {
                if (f.asText().equals("arabic_variants")) {
                  filters.add("protect_names").add("arabic_stemmer").add("plural_stems");
                } else if (!f.asText().equals("remove_duplicates")) {
                  filters.add(f);
                }
              });
              single.set("filter", filters);
              analyzers.set("arabic_index_single", single);
              textAnalyzer(b, "arabic_index_single");
            }),
        new Variant("title/body: the built-in `arabic` analyzer (subfields kept)", b -> textAnalyzer(b, "arabic")));
  }

  private static void dropSubfield(ObjectNode body, String name) {
    for (String field : List.of("title", "body")) {
      ((ObjectNode) body.at("/mappings/properties/" + field + "/fields")).remove(name);
    }
  }

  private static void textAnalyzer(ObjectNode body, String analyzer) {
    for (String field : List.of("title", "body")) {
      ((ObjectNode) body.at("/mappings/properties/" + field)).put("analyzer", analyzer);
    }
  }
}
