package io.akhbar.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear reason; nothing is dropped silently. */
class InputScannerTest {

  @TempDir Path dir;

  private List<Input> scan(Path... paths) {
    List<Input> out = new ArrayList<>();
    new InputScanner().scan(List.of(paths), out::add);
    return out;
  }

  private Input.Rejected rejected(Path file) {
    List<Input> inputs = scan(file);
    assertEquals(1, inputs.size());
    return assertInstanceOf(Input.Rejected.class, inputs.get(0));
  }

  @Test
  void aGzippedFeedIsReadLineByLineAndATruncatedOneReportsWhatWasLost() throws Exception {
    Path feed = dir.resolve("feed.jsonl.gz");
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(feed))) {
      out.write("{\"id\":\"a\",\"body\":\"نص\"}\n{\"id\":\"b\",\"body\":\"نص آخر\"}\n"
          .getBytes(StandardCharsets.UTF_8));
    }
    List<Input> inputs = scan(feed);
    assertEquals(2, inputs.size());
    assertEquals("b", assertInstanceOf(Input.FeedEntry.class, inputs.get(1)).json().get("id").asText());

    byte[] whole = Files.readAllBytes(feed);
    Path cut = dir.resolve("cut.ndjson.gz");
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 12));
    List<Input> partial = scan(cut);
    Input last = partial.get(partial.size() - 1);
    assertTrue(assertInstanceOf(Input.Rejected.class, last).reason().contains("gzip"), last.toString());
  }

  @Test
  void anEmptyFileIsReported() throws Exception {
    assertTrue(rejected(Files.createFile(dir.resolve("empty.txt"))).reason().contains("empty"));
  }

  @Test
  void aBinaryFileIsReported() throws Exception {
    Path png = dir.resolve("photo.txt");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'});
    assertTrue(rejected(png).reason().contains("binary"));
  }

  @Test
  void aFiftyMegabyteFileIsReportedWithoutBeingRead() throws Exception {
    Path big = dir.resolve("dump.txt");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024);
    }
    assertTrue(rejected(big).reason().contains("too large"), rejected(big).reason());
  }

  @Test
  void invalidUtf8IsReported() throws Exception {
    Path bad = dir.resolve("bad.txt");
    Files.write(bad, new byte[] {'h', 'e', 'l', 'l', 'o', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'w', 'o', 'r', 'l', 'd'});
    assertTrue(rejected(bad).reason().contains("UTF-8"));
  }

  @Test
  void anOldArabicPageSavedAsWindows1256IsDecoded() throws Exception {
    Path old = dir.resolve("old.txt");
    Files.write(old, "أعلنت الحكومة العراقية اليوم".getBytes(Charset.forName("windows-1256")));
    Input.Page page = assertInstanceOf(Input.Page.class, scan(old).get(0));
    assertEquals("أعلنت الحكومة العراقية اليوم", page.text());
  }

  @Test
  void foldersAreSearchedRecursivelyAndUnknownFilesAreReported() throws Exception {
    Files.createDirectories(dir.resolve("2021/02"));
    Files.writeString(dir.resolve("2021/02/a.txt"), "خبر", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("b.pdf"), "%PDF-1.4", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(".DS_Store"), "x", StandardCharsets.UTF_8);
    List<Input> inputs = scan(dir);
    assertEquals(2, inputs.size(), inputs.toString());
    Input.Page page = assertInstanceOf(Input.Page.class, inputs.get(0));
    assertEquals("2021/02/a.txt", page.source());
    assertTrue(assertInstanceOf(Input.Rejected.class, inputs.get(1)).reason().contains("unknown file type"));
  }

  @Test
  void aBrokenJsonLineIsReportedWithItsLineNumberAndTheOthersAreRead() throws Exception {
    Path feed = dir.resolve("feed.jsonl");
    Files.writeString(feed, "{\"body\":\"a\"}\n{oops\n\n[1,2]\n{\"body\":\"b\"}\n", StandardCharsets.UTF_8);
    List<Input> inputs = scan(feed);
    assertEquals(4, inputs.size());
    assertInstanceOf(Input.FeedEntry.class, inputs.get(0));
    assertEquals(feed + ":2", assertInstanceOf(Input.Rejected.class, inputs.get(1)).where());
    assertTrue(assertInstanceOf(Input.Rejected.class, inputs.get(2)).reason().contains("not a JSON object"));
    assertInstanceOf(Input.FeedEntry.class, inputs.get(3));
  }

  @Test
  void aMissingFolderIsAClearErrorBeforeAnyWork() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InputScanner.checkExists(List.of(dir.resolve("nope"))));
    assertTrue(e.getMessage().contains("No such file or folder"));
  }

  @Test
  void aZipOfPagesAndFeedsIsReadEntryByEntryAndEveryEntryIsAccountedFor() throws Exception {
    Path zip = dir.resolve("archive.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("pages/2015/one.txt"));
      out.write("خبر أول\n\nنص الخبر الأول من بغداد".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new java.util.zip.ZipEntry("feed.jsonl"));
      out.write("{\"id\":\"a\",\"body\":\"نص\"}\nnot json\n".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new java.util.zip.ZipEntry("feed.ndjson.gz"));
      java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
      try (var g = new java.util.zip.GZIPOutputStream(gz)) {
        g.write("{\"id\":\"b\",\"body\":\"نص آخر\"}\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(gz.toByteArray());
      out.putNextEntry(new java.util.zip.ZipEntry("photo.jpg"));
      out.write(new byte[] {(byte) 0xff, (byte) 0xd8, 0});
      out.putNextEntry(new java.util.zip.ZipEntry("__MACOSX/._one.txt"));
      out.write(new byte[] {0, 5, 22});
    }
    List<Input> inputs = scan(zip);

    assertEquals(5, inputs.size(), inputs.toString());
    Input.Page page = assertInstanceOf(Input.Page.class, inputs.get(0));
    assertEquals("archive.zip!/pages/2015/one.txt", page.source());
    assertTrue(page.text().contains("بغداد"));
    assertEquals("a", assertInstanceOf(Input.FeedEntry.class, inputs.get(1)).json().get("id").asText());
    Input.Rejected broken = assertInstanceOf(Input.Rejected.class, inputs.get(2));
    assertTrue(broken.where().endsWith("archive.zip!/feed.jsonl:2") && broken.reason().contains("broken JSON"), broken.toString());
    assertEquals("b", assertInstanceOf(Input.FeedEntry.class, inputs.get(3)).json().get("id").asText());
    assertTrue(assertInstanceOf(Input.Rejected.class, inputs.get(4)).reason().contains("unknown file type"));
  }

  @Test
  void aDamagedZipReportsWhatCouldNotBeRead() throws Exception {
    Path zip = dir.resolve("cut.zip");
    Files.write(zip, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
    Input.Rejected r = rejected(zip);
    assertTrue(r.reason().contains("zip"), r.reason());
  }
}
