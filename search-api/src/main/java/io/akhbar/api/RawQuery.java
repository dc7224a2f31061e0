package io.akhbar.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks the raw query string before the server decodes it: a malformed percent-escape ({@code %ZZ}, a truncated
 * {@code %E0%A4%A}) or bytes that are not UTF-8 would otherwise be dropped or replaced silently, and a search would
 * quietly run without the words the user sent. Such a request is a 400 naming the parameter.
 */
final class RawQuery {

  private RawQuery() {}

  static void check(String queryString) {
    if (queryString == null || queryString.isEmpty()) {
      return;
    }
    for (String pair : queryString.split("&")) {
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String name = decode(rawName, "parameter name");
      if (eq >= 0) {
        decodeValue(pair.substring(eq + 1), name);
      }
    }
  }

  private static void decodeValue(String raw, String name) {
    try {
      decodeStrictly(raw);
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
