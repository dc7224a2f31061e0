package io.akhbar.gazetteer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Throughput of {@link Tagger#tag} on one thread, over deterministic synthetic ~4 KB articles built from the
 * gazetteer's own names (with clitics, nisba forms, homographs, broken hashtag markup and English sentences mixed into
 * ordinary Arabic news vocabulary). Not a unit test: run it by hand from the repository root, e.g.
 *
 * <pre>
 * mvn -q -pl core -am test-compile
 * mvn -q -pl core dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp "core/target/classes:core/target/test-classes:$(cat /tmp/cp.txt)" io.akhbar.gazetteer.TaggerBenchmark [seconds] [gazetteer-dir]
 * </pre>
 *
 * Without a directory it uses the real gazetteer from the classpath. It prints wall-clock throughput and throughput per
 * CPU second of the tagging thread (the latter is the figure to compare when the machine is busy).
 */
public final class TaggerBenchmark {

  private static final String[] FILLER = ("قال أعلن أكد مصدر أمني مسؤول الحكومة العراقية القوات الأمنية اليوم أمس "
      + "الأربعاء الخميس خلال بيان رسمي إن أن على في من إلى عن مع بعد قبل حيث التي الذي هذه هذا ذلك كما وقد "
      + "مقتل إصابة هجوم انفجار عبوة ناسفة مسلحين عملية عسكرية تنظيم ميليشيات الحشد الانتخابات البرلمان مجلس النواب "
      + "وزارة الداخلية الدفاع الخارجية المالية النفط الكهرباء المياه الموازنة الفساد الاحتجاجات المتظاهرين الناشطين "
      + "المحافظة المدينة القضاء الناحية القرية الطريق الجسر المطار الحدود الشمال الجنوب الغرب الشرق العاصمة "
      + "الكبير الحديثة الجديد دور بلد أخبار حديثة الدور العمارة عنه السلام الحرية العلم الشبكة المركز الوحدة "
      + "الرئيس الوزير النائب المحافظ القائد العميد اللواء الشيخ السيد الدكتور رئيس الوزراء العراقي السابق "
      + "اقتصادية سياسية أمنية اجتماعية دولية إقليمية محلية شعبية رسمية الشعبي الوطني الإسلامي الإرهابي "
      + "مليار دينار دولار برميل نسبة المئة الأسبوع الشهر العام الماضي المقبل الحالي 2019 2020 2021 ٢٠٢٢ 15 300")
      .split(" ");

  private static final String[] ENGLISH = ("the Iraqi government said on Wednesday that security forces had "
      + "killed militants in a raid near the border while officials in parliament debated the budget and a "
      + "roadside bomb hit a convoy of the army in the north of the country according to a statement").split(" ");

  private static final String[] CLITICS = {"", "", "", "", "و", "ب", "ل", "وب", "ف"};

  private TaggerBenchmark() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    Gazetteer g = args.length > 1 ? Gazetteer.fromDirectory(Path.of(args[1])) : Gazetteer.fromClasspath();
    long t0 = System.nanoTime();
    Tagger tagger = new Tagger(g);
    long buildMs = (System.nanoTime() - t0) / 1_000_000;
    List<String[]> articles = articles(g, 400, 4096, new Random(42));
    long chars = 0;
    for (String[] a : articles) {
      chars += a[0].length() + a[1].length();
    }
    System.out.printf(Locale.ROOT, "gazetteer: %d places, %d actors, %d roles; tagger built in %d ms%n",
        g.places().size(), g.actors().size(), g.roles().size(), buildMs);
    System.out.printf(Locale.ROOT, "articles: %d, average %.0f chars%n", articles.size(),
        (double) chars / articles.size());

    LocalDate date = LocalDate.of(2021, 2, 1);
    run(tagger, articles, date, 3.0); // warm-up
    long[] r = run(tagger, articles, date, seconds);
    double perSecond = r[0] / (r[2] / 1e9);
    double perCpuSecond = r[0] / (r[3] / 1e9);
    System.out.printf(Locale.ROOT, "tagged %d articles in %.2f s: %.0f articles/s wall clock, %.0f articles per "
        + "CPU second of the tagging thread (%.1f M chars/s); %.1f tags per article%n", r[0], r[2] / 1e9,
        perSecond, perCpuSecond, perCpuSecond * chars / articles.size() / 1e6, (double) r[1] / r[0]);
  }

  /** {articles tagged, tags found, wall nanoseconds, thread CPU nanoseconds}. */
  private static long[] run(Tagger tagger, List<String[]> articles, LocalDate date, double seconds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long n = 0;
    long found = 0;
    while (System.nanoTime() < deadline) {
      for (String[] a : articles) {
        Tags t = tagger.tag(a[0], a[1], date);
        found += t.provinces().size() + t.districts().size() + t.actors().size();
        n++;
      }
    }
    return new long[] {n, found, System.nanoTime() - start, threads.getCurrentThreadCpuTime() - cpuStart};
  }

  /** Deterministic synthetic articles: {title, body}. */
  static List<String[]> articles(Gazetteer g, int count, int bodyChars, Random random) {
    List<String> names = new ArrayList<>();
    for (Place p : g.places()) {
      names.addAll(p.allNames());
    }
    for (Actor a : g.actors()) {
      names.addAll(a.allNames());
      names.addAll(a.surnames());
    }
    for (Role r : g.roles()) {
      names.addAll(r.phrases());
    }
    if (names.isEmpty()) {
      names.add("بغداد");
    }
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String title = sentence(random, names, 8);
      StringBuilder body = new StringBuilder(bodyChars + 200);
      while (body.length() < bodyChars) {
        if (random.nextInt(8) == 0) {
          for (int w = 0; w < 15; w++) {
            body.append(ENGLISH[random.nextInt(ENGLISH.length)]).append(' ');
          }
          body.append(". ");
        } else {
          body.append(sentence(random, names, 12 + random.nextInt(14))).append(random.nextBoolean() ? ". " : "، ");
        }
        if (random.nextInt(6) == 0) {
          body.append('\n');
        }
      }
      out.add(new String[] {title, body.toString()});
    }
    return out;
  }

  private static String sentence(Random random, List<String> names, int words) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      int roll = random.nextInt(100);
      if (roll < 8) {
        String name = names.get(random.nextInt(names.size()));
        boolean arabic = ArabicText.hasArabicLetter(name);
        if (arabic && random.nextInt(10) == 0) {
          sb.append("# #").append(name.replace(' ', '_'));
        } else {
          sb.append(arabic ? CLITICS[random.nextInt(CLITICS.length)] : "").append(name);
        }
      } else if (roll < 9) {
        sb.append("“ال #بغداد ي”");
      } else if (roll < 10) {
        sb.append("البغدادي");
      } else {
        sb.append(FILLER[random.nextInt(FILLER.length)]);
      }
      sb.append(' ');
    }
    return sb.toString().strip();
  }
}
