package io.akhbar.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the raw query string before the server decodes it: a malformed percent-escape ({@code %ZZ}, a truncated
 * {@code %E0%A4%A}) or bytes that are not UTF-8 would otherwise be dropped or replaced silently, and a search would
 * quietly run without the words the user sent. Such a request is a 400 naming the parameter.
 */
final class RawQuery {

  private RawQuery() {}

  static void check(String queryString) {
    parse(queryString);
  }

  /**
   * The parameters of a query string (a saved search's, say), decoded as strictly as {@link #check} checks them, in
   * their order; a malformed one is a 400 naming it.
   */
  static Map<String, List<String>> parse(String queryString) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (queryString == null || queryString.isEmpty()) {
      return params;
    }
    for (String pair : queryString.split("&")) {
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String name = decode(rawName, "parameter name");
      String value = eq >= 0 ? decodeValue(pair.substring(eq + 1), name) : "";
      if (!name.isEmpty()) {
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return params;
  }

  /** A query string of these parameters in the map's order, percent-encoded (a space as %20). */
  static String format(Map<String, List<String>> params) {
    StringBuilder out = new StringBuilder();
    params.forEach((k, vs) -> vs.forEach(v -> out.append(out.length() == 0 ? "" : "&").append(encode(k)).append('=')
        .append(encode(v))));
    return out.toString();
  }

  /** One name or value, percent-encoded as a URL's query part wants it (a space as %20, not +). */
  static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decodeValue(String raw, String name) {
    try {
      return decodeStrictly(raw);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(name, "malformed_encoding",
          "The value of '" + name + "' is not valid URL-encoded UTF-8: " + e.getMessage());
    }
  }

  private static String decode(String raw, String what) {
    try {
      return decodeStrictly(raw);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(raw, "malformed_encoding", "A " + what + " is not valid URL-encoded UTF-8");
    }
  }

  /** Percent-decoding ({@code +} is a space) that refuses bad escapes and bytes that are not UTF-8. */
  static String decodeStrictly(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
          throw new IllegalArgumentException("bad escape at position " + i);
        }
        bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the bytes are not UTF-8");
    }
  }
}
