package io.akhbar.api;

import io.akhbar.core.Article;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A saved search as an Atom 1.0 feed (RFC 4287): the feed's id, title, updated, link and author; per article an
 * entry with its id (a tag URI of the article id, stable across reindexing), title, updated (when it was indexed),
 * published, a link to the article in the page, and a summary. Written with StAX, which escapes every text.
 */
final class AtomFeed {

  static final String NS = "http://www.w3.org/2005/Atom";
  static final int SUMMARY_CHARS = 400;

  private AtomFeed() {}

  /** {@code base} is the server's URL as the reader reached it ({@code https://news.example.org}). */
  static String render(SavedSearches.Saved saved, List<Article> articles, String base, String selfUrl) {
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("feed");
      x.writeDefaultNamespace(NS);
      text(x, "id", "tag:akhbar,2026:saved-search:" + saved.id());
      text(x, "title", saved.name());
      Instant updated = articles.stream().map(a -> a.indexedAt() == null ? saved.createdAt() : a.indexedAt())
          .max(Instant::compareTo).orElse(saved.createdAt());
      text(x, "updated", iso(updated));
      link(x, "self", selfUrl, "application/atom+xml");
      link(x, "alternate", base + "/?" + saved.query(), "text/html");
      x.writeStartElement("author");
      text(x, "name", "akhbar");
      x.writeEndElement();
      text(x, "generator", "akhbar news search");
      for (Article a : articles) {
        x.writeStartElement("entry");
        text(x, "id", "tag:akhbar,2026:article:" + a.id());
        text(x, "title", a.title() == null || a.title().isBlank() ? a.id() : a.title());
        text(x, "updated", iso(a.indexedAt() == null ? updated : a.indexedAt()));
        if (a.publishedAt() != null) {
          text(x, "published", a.publishedAt().atStartOfDay().toInstant(ZoneOffset.UTC).toString());
        }
        link(x, "alternate", base + "/?" + saved.query() + "#article=" + java.net.URLEncoder.encode(a.id(),
            java.nio.charset.StandardCharsets.UTF_8), "text/html");
        if (a.url() != null && a.url().matches("(?i)https?://.+")) {
          link(x, "via", a.url(), null);
        }
        if (a.source() != null) {
          x.writeStartElement("author");
          text(x, "name", a.source());
          x.writeEndElement();
        }
        String body = a.body() == null ? "" : a.body().strip().replaceAll("\\s+", " ");
        text(x, "summary", body.length() > SUMMARY_CHARS ? body.substring(0, SUMMARY_CHARS) + "…" : body);
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the feed", e);
    }
  }

  private static String iso(Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
    x.writeStartElement(element);
    x.writeCharacters(value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
    x.writeEndElement();
  }

  private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("href", href);
    if (type != null) {
      x.writeAttribute("type", type);
    }
  }
}
