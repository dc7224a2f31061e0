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
 * Turns the paths a journalist gives (folders, searched recursively; page files; {@code .jsonl}, {@code .ndjson} files,
 * gzipped or not; {@code .zip} archives of any of these) into
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
    } else if (lower.endsWith(".zip")) {
      scanZip(file, sink);
    } else {
      sink.accept(new Input.Rejected(file.toString(), UNKNOWN_TYPE));
    }
  }

  private static final String UNKNOWN_TYPE = "unknown file type (expected page text files .txt, JSON Lines .jsonl,"
      + " .ndjson, .jsonl.gz, .ndjson.gz, or a .zip of them)";

  /**
   * A .zip of pages and feeds, read entry by entry as it streams (never unpacked to disk); each entry is named
   * {@code archive.zip!/folder/page.txt} in the dead letters and in the article's source.
   */
  private void scanZip(Path file, Consumer<Input> sink) {
    boolean any = false;
    try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
        new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8)) {
      for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        String name = e.getName();
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (e.isDirectory() || base.startsWith(".") || name.startsWith("__MACOSX/")) {
          continue;
        }
        any = true;
        String where = file + "!/" + name;
        String lower = base.toLowerCase(Locale.ROOT);
        InputStream entry = new java.io.FilterInputStream(zip) {
          @Override
          public void close() {
            // the entry ends here; the archive stays open for the next one
          }
        };
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
          scanJsonLines(entry, where, base, sink);
        } else if (lower.endsWith(".jsonl.gz") || lower.endsWith(".ndjson.gz")) {
          scanJsonLines(new GZIPInputStream(entry, 1 << 16), where, base, sink);
        } else if (PAGE_SUFFIXES.stream().anyMatch(lower::endsWith)) {
          byte[] bytes = entry.readNBytes((int) MAX_PAGE_BYTES + 1);
          sink.accept(page(bytes, bytes.length, where, file.getFileName() + "!/" + name));
        } else {
          sink.accept(new Input.Rejected(where, UNKNOWN_TYPE));
        }
      }
      if (!any) {
        sink.accept(new Input.Rejected(file.toString(), "empty zip archive"));
      }
    } catch (ZipException | EOFException e) {
      sink.accept(new Input.Rejected(file.toString(), "not a complete zip archive (" + e.getMessage()
          + "); entries after the damage were not read"));
    } catch (IOException e) {
      sink.accept(new Input.Rejected(file.toString(), "cannot read: " + e.getMessage()));
    }
  }

  Input readPage(Path file, String source) {
    try {
      long size = Files.size(file);
      return page(size > MAX_PAGE_BYTES ? new byte[0] : Files.readAllBytes(file), size, file.toString(), source);
    } catch (IOException e) {
      return new Input.Rejected(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  /** A page's bytes (not read when {@code size} is over the limit) as a page, or the reason it is not one. */
  private static Input page(byte[] bytes, long size, String where, String source) {
    if (size == 0) {
      return new Input.Rejected(where, "empty file");
    }
    if (size > MAX_PAGE_BYTES) {
      return new Input.Rejected(where, String.format(Locale.ROOT,
          "file too large for one page: %s (limit %d MB); split it, or send articles as JSON Lines",
          bytes.length > MAX_PAGE_BYTES ? "over the limit" : String.format(Locale.ROOT, "%.1f MB", size / 1048576.0),
          MAX_PAGE_BYTES / 1048576));
    }
    if (looksBinary(bytes)) {
      return new Input.Rejected(where, "binary file, not text");
    }
    String text = decode(bytes);
    if (text == null) {
      return new Input.Rejected(where, "not valid UTF-8 (nor Arabic Windows-1256) text");
    }
    if (text.isBlank()) {
      return new Input.Rejected(where, "no text (only white space)");
    }
    return new Input.Page(where, source, text);
  }

  private void scanJsonLines(Path file, boolean gzip, Consumer<Input> sink) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
      scanJsonLines(in, file.toString(), file.getFileName().toString(), sink);
    } catch (ZipException | EOFException e) {
      sink.accept(new Input.Rejected(file.toString(), "not a complete gzip file (" + e.getMessage()
          + "); lines after the damage were not read"));
    } catch (IOException e) {
      sink.accept(new Input.Rejected(file.toString(), "cannot read: " + e.getMessage()));
    }
  }

  /** JSON Lines from a stream (a file, a decompressor, a zip entry); {@code file} names it in the dead letters. */
  private void scanJsonLines(InputStream in, String file, String fileName, Consumer<Input> sink) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in,
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
            sink.accept(new Input.FeedEntry(where, fileName, node));
          }
        } catch (JsonProcessingException e) {
          sink.accept(new Input.Rejected(where, "broken JSON: " + e.getOriginalMessage()));
        }
      }
      if (!any) {
        sink.accept(new Input.Rejected(file, "empty file"));
      }
    } catch (CharacterCodingException e) {
      sink.accept(new Input.Rejected(file, "not valid UTF-8; lines after the bad bytes were not read"));
    } catch (ZipException | EOFException e) {
      sink.accept(new Input.Rejected(file, "not a complete gzip file (" + e.getMessage()
          + "); lines after the damage were not read"));
    } catch (IOException e) {
      sink.accept(new Input.Rejected(file, "cannot read: " + e.getMessage()));
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
