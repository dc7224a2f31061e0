package io.akhbar.indexer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Turns the paths a journalist gives (folders, searched recursively; page files; {@code .jsonl} files) into
 * {@link Input}s, one at a time so a large feed never sits in memory. Nothing is dropped silently: what cannot be
 * read becomes a {@link Input.Rejected} with its reason.
 */
public final class InputScanner {

  /** A page larger than this is not an article (a dump, a log, a binary): reported, not indexed. */
  public static final long MAX_PAGE_BYTES = 5L * 1024 * 1024;
  private static final List<String> PAGE_SUFFIXES = List.of(".txt", ".text", ".md");
  private static final Charset ARABIC_WINDOWS = Charset.forName("windows-1256");

  private final ObjectMapper json = new ObjectMapper();

  /** Fails fast, before any work, when a path does not exist: the CLI turns this into a clear message. */
  public static void checkExists(List<Path> paths) {
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new IllegalArgumentException("No such file or folder: " + path);
      }
    }
  }

  public void scan(List<Path> paths, Consumer<Input> sink) {
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          files.filter(Files::isRegularFile).sorted().forEach(file -> scanFile(file, path.relativize(file), sink));
        } catch (IOException | UncheckedIOException e) {
          sink.accept(new Input.Rejected(path.toString(), "cannot list the folder: " + e.getMessage()));
        }
      } else if (Files.isRegularFile(path)) {
        scanFile(path, path.getFileName(), sink);
      } else {
        sink.accept(new Input.Rejected(path.toString(), "no such file or folder"));
      }
    }
  }

  private void scanFile(Path file, Path relative, Consumer<Input> sink) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.startsWith(".")) {
      return; // editor and OS droppings (.DS_Store, .swp) are not inputs
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      scanJsonLines(file, false, sink);
    } else if (lower.endsWith(".jsonl.gz") || lower.endsWith(".ndjson.gz")) {
      scanJsonLines(file, true, sink); // streamed through the decompressor, never unpacked to disk
    } else if (PAGE_SUFFIXES.stream().anyMatch(lower::endsWith)) {
      sink.accept(readPage(file, relative.toString().replace('\\', '/')));
    } else {
      sink.accept(new Input.Rejected(file.toString(),
          "unknown file type (expected page text files .txt, or JSON Lines .jsonl, .ndjson, .jsonl.gz)"));
    }
  }

  Input readPage(Path file, String source) {
    try {
      long size = Files.size(file);
      if (size == 0) {
        return new Input.Rejected(file.toString(), "empty file");
      }
      if (size > MAX_PAGE_BYTES) {
        return new Input.Rejected(file.toString(), String.format(Locale.ROOT,
            "file too large for one page: %.1f MB (limit %d MB); split it, or send articles as JSON Lines",
            size / 1048576.0, MAX_PAGE_BYTES / 1048576));
      }
      byte[] bytes = Files.readAllBytes(file);
      if (looksBinary(bytes)) {
        return new Input.Rejected(file.toString(), "binary file, not text");
      }
      String text = decode(bytes);
      if (text == null) {
        return new Input.Rejected(file.toString(), "not valid UTF-8 (nor Arabic Windows-1256) text");
      }
      if (text.isBlank()) {
        return new Input.Rejected(file.toString(), "no text (only white space)");
      }
      return new Input.Page(file.toString(), source, text);
    } catch (IOException e) {
      return new Input.Rejected(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  private void scanJsonLines(Path file, boolean gzip, Consumer<Input> sink) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in,
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
      int lineNumber = 0;
      boolean any = false;
      for (String line; (line = reader.readLine()) != null; ) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        any = true;
        String where = file + ":" + lineNumber;
        try {
          JsonNode node = json.readTree(line);
          if (node == null || !node.isObject()) {
            sink.accept(new Input.Rejected(where, "not a JSON object"));
          } else {
            sink.accept(new Input.FeedEntry(where, file.getFileName().toString(), node));
          }
        } catch (JsonProcessingException e) {
          sink.accept(new Input.Rejected(where, "broken JSON: " + e.getOriginalMessage()));
        }
      }
      if (!any) {
        sink.accept(new Input.Rejected(file.toString(), "empty file"));
      }
    } catch (CharacterCodingException e) {
      sink.accept(new Input.Rejected(file.toString(), "not valid UTF-8; lines after the bad bytes were not read"));
    } catch (ZipException | EOFException e) {
      sink.accept(new Input.Rejected(file.toString(), "not a complete gzip file (" + e.getMessage()
          + "); lines after the damage were not read"));
    } catch (IOException e) {
      sink.accept(new Input.Rejected(file.toString(), "cannot read: " + e.getMessage()));
    }
  }

  /** NUL bytes or many control characters in the first 8 KB: an image, a PDF, an archive. */
  static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x09 || (b > 0x0d && b < 0x20)) {
        control++;
      }
    }
    return n > 0 && control * 10 > n;
  }

  /** Strict UTF-8; old Arabic sites often saved Windows-1256, which we accept when the result reads as Arabic. */
  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
    } catch (CharacterCodingException notUtf8) {
      try {
        String text = ARABIC_WINDOWS.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString();
        long arabic = text.chars().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC).count();
        long letters = text.chars().filter(Character::isLetter).count();
        return letters > 0 && arabic * 2 > letters ? text : null;
      } catch (CharacterCodingException alsoNot) {
        return null;
      }
    }
  }
}
