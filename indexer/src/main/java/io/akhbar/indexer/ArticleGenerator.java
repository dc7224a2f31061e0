package io.akhbar.indexer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akhbar.gazetteer.Actor;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Place;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Synthetic Arabic news articles for scale tests and benchmarks: realistic lengths (150–900 words), publication
 * dates across 2014–2025, and province and actor mentions drawn from the gazetteer. The same seed always gives the
 * same articles, so benchmark runs compare like with like.
 */
public final class ArticleGenerator {

  private static final LocalDate FIRST = LocalDate.of(2014, 1, 1);
  private static final int DAYS = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - FIRST.toEpochDay());

  private static final List<String> OPENINGS = List.of(
      "أعلنت مصادر أمنية في", "قال مسؤول محلي في", "شهدت محافظة", "أفاد مراسلنا في", "أكدت قيادة العمليات المشتركة أن",
      "نفذت القوات الأمنية عملية في", "تظاهر المئات في", "أعلنت وزارة الداخلية أن", "كشف مصدر مطلع في",
      "استقبل محافظ");
  private static final List<String> SENTENCES = List.of(
      "وأضاف أن القوات الأمنية تواصل عمليات التفتيش في المناطق النائية بحثاً عن خلايا نائمة.",
      "وطالب المتظاهرون بتوفير فرص العمل وتحسين الخدمات ومحاسبة الفاسدين.",
      "وأشار البيان إلى أن الحكومة ستتخذ إجراءات عاجلة لمعالجة أزمة الكهرباء خلال فصل الصيف.",
      "وتشهد المحافظة منذ أسابيع توتراً أمنياً بعد سلسلة من الهجمات بالعبوات الناسفة.",
      "من جهتها، دعت بعثة الأمم المتحدة جميع الأطراف إلى ضبط النفس واحترام حقوق الإنسان.",
      "ويأتي ذلك في وقت تستعد فيه البلاد لإجراء الانتخابات النيابية وسط مخاوف من تهديد السلاح المنفلت.",
      "وأوضح المصدر أن الحادث أسفر عن مقتل ثلاثة أشخاص وإصابة خمسة آخرين بجروح متفاوتة.",
      "وتعهدت الحكومة المحلية بإعادة إعمار المدارس والمستشفيات التي دمرتها الحرب.",
      "وقال نشطاء إن حملة الاعتقالات طالت عدداً من المدونين والصحفيين خلال الأيام الماضية.",
      "وأكد أن مجلس النواب سيناقش قانون الموازنة في جلسته المقبلة بعد خلافات حول حصص المحافظات.",
      "وتعاني المحافظة من نقص حاد في المياه بسبب انخفاض مناسيب نهري دجلة والفرات.",
      "ولفت إلى أن أسعار النفط المنخفضة أثرت في قدرة الدولة على دفع رواتب الموظفين.",
      "وذكرت خلية الإعلام الأمني أن طائرات التحالف الدولي نفذت غارات على مواقع للتنظيم.",
      "وأعلنت وزارة الصحة تسجيل إصابات جديدة بفيروس كورونا في عدد من المحافظات.",
      "وأشار إلى أن النازحين في المخيمات يعانون من ظروف إنسانية صعبة مع حلول فصل الشتاء.");

  private final List<Place> places;
  private final List<Actor> actors;

  public ArticleGenerator(Gazetteer gazetteer) {
    this.places = gazetteer.places().stream().filter(p -> !p.needsContext()).toList();
    this.actors = gazetteer.actors();
  }

  /** Writes {@code count} articles as JSON Lines. */
  public void write(int count, long seed, Writer out) throws IOException {
    ObjectMapper json = new ObjectMapper();
    SplittableRandom root = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      out.write(json.writeValueAsString(article(i, new Random(root.nextLong()))));
      out.write('\n');
    }
    out.flush();
  }

  ObjectNode article(int n, Random random) {
    Place place = places.get(random.nextInt(places.size()));
    Actor actor = actors.get(random.nextInt(actors.size()));
    Actor other = actors.get(random.nextInt(actors.size()));
    StringBuilder body = new StringBuilder();
    body.append(pick(OPENINGS, random)).append(' ').append(place.nameAr()).append(" أن ").append(actor.nameAr())
        .append(" التقى ").append(other.nameAr()).append(" لبحث الأوضاع الأمنية والسياسية.");
    int paragraphs = 2 + random.nextInt(8);
    for (int p = 0; p < paragraphs; p++) {
      body.append("\n\n");
      int sentences = 2 + random.nextInt(5);
      for (int s = 0; s < sentences; s++) {
        if (random.nextInt(6) == 0) {
          Place mentioned = places.get(random.nextInt(places.size()));
          body.append("وفي ").append(mentioned.nameAr()).append("، ");
        }
        body.append(pick(SENTENCES, random)).append(' ');
      }
    }
    ObjectNode node = new ObjectNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
    node.put("id", String.format("synthetic-%07d", n));
    node.put("title", actor.nameAr() + " و" + place.nameAr() + ": " + pick(OPENINGS, random) + " " + place.nameAr());
    node.put("body", body.toString().strip());
    node.put("published_at", FIRST.plusDays(random.nextInt(DAYS + 1)).toString());
    node.put("source", "synthetic");
    node.put("language", "ar");
    return node;
  }

  private static String pick(List<String> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }
}
