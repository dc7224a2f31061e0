package io.akhbar.bench;

import io.akhbar.gazetteer.Actor;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Place;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A fixed mix of realistic journalist queries, generated deterministically from the gazetteer and a word list:
 * single words (with clitics and plural forms), quoted phrases, names in Arabic and English, province, district and
 * actor filters, date ranges, facet intervals, sorts and deeper pages, and combinations of these.
 */
final class QueryMix {

  /** One query: a label for its kind and its parameters, as the API's query string carries them. */
  record Query(String kind, Map<String, List<String>> params) {
    String queryString() {
      return params.entrySet().stream()
          .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
          .collect(Collectors.joining("&"));
    }
  }

  static final List<String> WORDS = List.of(
      "الكهرباء", "الانتخابات", "النازحين", "الفساد", "المتظاهرون", "الموازنة", "كورونا", "العبوات", "التحالف", "النفط",
      "الرواتب", "المياه", "المخيمات", "الاعتقالات", "الصحفيين", "المدارس", "المستشفيات", "الحكومة", "البرلمان", "الهجمات",
      "التفتيش", "غارات", "الحرب", "الشتاء", "الصيف", "دجلة", "الفرات", "الإعمار", "الأمنية", "المحافظة",
      // inflected forms the Arabic chain should fold: clitics, plurals, feminine and possessive endings
      "بالكهرباء", "والنفط", "انتخابات", "نازحون", "للنازحين", "المظاهرات", "متظاهرين", "الانتخابية", "الوزارة", "وزارتها",
      "المدونين", "الخدمات", "الاحتجاجات", "اعتقال", "هجوم", "النواب", "الجفاف", "الاقتصاد", "الإرهاب", "الميليشيات");

  static final List<String> PHRASES = List.of(
      "أزمة الكهرباء", "خلايا نائمة", "السلاح المنفلت", "حقوق الإنسان", "ضبط النفس", "قانون الموازنة", "فرص العمل",
      "مجلس النواب", "التحالف الدولي", "فيروس كورونا", "إعادة إعمار", "العبوات الناسفة", "بعثة الأمم المتحدة",
      "خلية الإعلام الأمني", "رواتب الموظفين", "الانتخابات النيابية", "القوات الأمنية", "وزارة الداخلية",
      "قيادة العمليات المشتركة", "نقص حاد في المياه", "أسعار النفط", "حملة الاعتقالات", "المناطق النائية",
      "ظروف إنسانية صعبة", "مناسيب نهري دجلة والفرات");

  private QueryMix() {}

  static List<Query> generate(Gazetteer gazetteer, long seed) {
    Random r = new Random(seed);
    List<Place> governorates = gazetteer.governorates();
    List<Place> districts = gazetteer.places().stream().filter(p -> p.kind() == Place.Kind.DISTRICT).toList();
    List<Actor> actors = gazetteer.actors();
    List<Query> out = new ArrayList<>();

    for (String w : WORDS) {                                           // 50 single words
      out.add(q("word", "q", w));
    }
    for (String p : PHRASES) {                                         // 25 quoted phrases
      out.add(q("phrase", "q", "\"" + p + "\""));
    }
    for (int i = 0; i < 20; i++) {                                     // 20 actor names in Arabic
      out.add(q("name-ar", "q", pick(actors, r).nameAr()));
    }
    for (int i = 0; i < 10; i++) {                                     // 10 place names in Arabic
      out.add(q("name-ar", "q", pick(governorates, r).nameAr()));
    }
    for (int i = 0; i < 15; i++) {                                     // 15 actor names in English
      out.add(q("name-en", "q", pick(actors, r).nameEn()));
    }
    for (int i = 0; i < 10; i++) {                                     // 10 place names in English
      out.add(q("name-en", "q", pick(governorates, r).nameEn()));
    }
    for (int i = 0; i < 20; i++) {                                     // 20 province filters, half with words
      Map<String, List<String>> m = params("province", pick(governorates, r).id());
      if (i % 2 == 0) {
        m.put("q", List.of(pick(WORDS, r)));
      }
      if (i % 5 == 0) {
        m.put("province", List.of(pick(governorates, r).id() + "," + pick(governorates, r).id()));
      }
      out.add(new Query("province", m));
    }
    for (int i = 0; i < 5; i++) {                                      // 5 district filters
      out.add(new Query("district", params("district", pick(districts, r).id())));
    }
    for (int i = 0; i < 20; i++) {                                     // 20 actor filters
      Map<String, List<String>> m = params("actor", pick(actors, r).id());
      if (i % 2 == 1) {
        m.put("q", List.of(pick(WORDS, r)));
      }
      out.add(new Query("actor", m));
    }
    for (int i = 0; i < 20; i++) {                                     // 20 date ranges
      LocalDate from = LocalDate.of(2014 + r.nextInt(11), 1 + r.nextInt(12), 1 + r.nextInt(28));
      LocalDate to = from.plusDays(7 + r.nextInt(700));
      Map<String, List<String>> m = params("from", from.toString());
      m.put("to", List.of(to.toString()));
      if (i % 3 != 2) {
        m.put("q", List.of(i % 3 == 0 ? pick(WORDS, r) : "\"" + pick(PHRASES, r) + "\""));
      }
      out.add(new Query("dates", m));
    }
    String[] intervals = {"year", "month", "day"};
    String[] sorts = {"relevance", "date_desc", "date_asc"};
    for (int i = 0; i < 15; i++) {                                     // 15 facet intervals, sorts, pages, sizes
      Map<String, List<String>> m = params("q", pick(WORDS, r));
      m.put("interval", List.of(intervals[i % 3]));
      m.put("sort", List.of(sorts[(i / 3) % 3]));
      m.put("size", List.of(i % 2 == 0 ? "50" : "20"));
      m.put("page", List.of(String.valueOf(1 + i % 4)));
      out.add(new Query("facets", m));
    }
    for (int i = 0; i < 20; i++) {                                     // 20 combinations
      Map<String, List<String>> m = params("q", i % 2 == 0 ? pick(WORDS, r) + " " + pick(WORDS, r) : pick(actors, r).nameAr());
      m.put("province", List.of(pick(governorates, r).id()));
      LocalDate from = LocalDate.of(2015 + r.nextInt(8), 1 + r.nextInt(12), 1);
      m.put("from", List.of(from.toString()));
      m.put("to", List.of(from.plusYears(2).toString()));
      if (i % 4 == 0) {
        m.put("actor", List.of(pick(actors, r).id()));
      }
      if (i % 4 == 1) {
        m.put("q", List.of(pick(WORDS, r) + " OR " + pick(WORDS, r) + " -" + pick(WORDS, r)));
      }
      m.put("language", List.of("ar"));
      out.add(new Query("combined", m));
    }
    for (int i = 0; i < 5; i++) {                                      // 5 browses: no query, newest first
      Map<String, List<String>> m = new LinkedHashMap<>();
      if (i > 0) {
        m.put("page", List.of(String.valueOf(i + 1)));
      }
      out.add(new Query("browse", m));
    }
    return List.copyOf(out);
  }

  private static Query q(String kind, String name, String value) {
    return new Query(kind, params(name, value));
  }

  private static Map<String, List<String>> params(String name, String value) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(name, List.of(value));
    return m;
  }

  private static <T> T pick(List<T> list, Random r) {
    return list.get(r.nextInt(list.size()));
  }
}
