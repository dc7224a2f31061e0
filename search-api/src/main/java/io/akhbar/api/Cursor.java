package io.akhbar.api;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque paging cursor: the sort values of the last hit of a page ({@code search_after}) and the sort they belong
 * to, base64url-encoded JSON. Deep paging and export never hit {@code max_result_window}.
 */
public record Cursor(SearchParams.Sort sort, List<FieldValue> after) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public String encode() {
    ObjectNode node = JSON.createObjectNode().put("s", sort.wire());
    ArrayNode values = node.putArray("a");
    for (FieldValue v : after) {
      switch (v._kind()) {
        case Long -> values.add(v.longValue());
        case Double -> values.add(v.doubleValue());
        case Boolean -> values.add(v.booleanValue());
        case Null -> values.addNull();
        case String -> values.add(v.stringValue());
        default -> throw new IllegalStateException("unexpected sort value " + v);
      }
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  public static Cursor decode(String raw, SearchParams.Sort expectedSort) {
    try {
      JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(raw.strip()));
      SearchParams.Sort sort = SearchParams.Sort.valueOf(node.get("s").asText().toUpperCase(java.util.Locale.ROOT));
      if (sort != expectedSort) {
        throw ApiException.badParameter("cursor", "invalid_cursor",
            "This cursor belongs to sort=" + sort.wire() + ", not sort=" + expectedSort.wire());
      }
      List<FieldValue> after = new ArrayList<>();
      for (JsonNode v : node.get("a")) {
        if (v.isIntegralNumber()) {
          after.add(FieldValue.of(v.asLong()));
        } else if (v.isNumber()) {
          after.add(FieldValue.of(v.asDouble()));
        } else if (v.isBoolean()) {
          after.add(FieldValue.of(v.asBoolean()));
        } else if (v.isNull()) {
          after.add(FieldValue.NULL);
        } else {
          after.add(FieldValue.of(v.asText()));
        }
      }
      if (after.isEmpty()) {
        throw new IllegalArgumentException("empty");
      }
      return new Cursor(sort, after);
    } catch (ApiException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ApiException.badParameter("cursor", "invalid_cursor",
          "Not a cursor this API issued; use the 'next_cursor' of a previous response");
    }
  }
}
