package io.akhbar.gazetteer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The usual English spellings of one Arabic family name: «الجبوري» is Jubouri, Jabouri, Juburi, Jaburi; «العبيدي»
 * Obeidi, Obaidi, Ubaidi. A handful of rewrites that English transliterations of Arabic actually vary by (ou/u/oo,
 * ai/ay/ei, the first vowel a/u/o, e/i, a doubled letter written once or a consonant between vowels doubled, q/k at
 * the start, a final i/y), applied up to
 * twice. Only for names of five letters or more: short names have too many English neighbours.
 */
public final class LatinVariants {

  private static final int MAX = 40;

  private LatinVariants() {}

  /** The name itself (lower case) first, then its variants; at most {@value #MAX}. */
  public static List<String> of(String name) {
    String n = name.toLowerCase(Locale.ROOT).strip();
    Set<String> out = new LinkedHashSet<>();
    out.add(n);
    if (n.length() < 5 || !n.chars().allMatch(Character::isLetter)) {
      return new ArrayList<>(out);
    }
    Set<String> first = step(n);
    out.addAll(first);
    for (String v : first) {
      if (out.size() >= MAX) {
        break;
      }
      out.addAll(step(v));
    }
    List<String> list = new ArrayList<>(out);
    return list.size() > MAX ? list.subList(0, MAX) : list;
  }

  private static Set<String> step(String s) {
    Set<String> out = new LinkedHashSet<>();
    swap(s, "ou", "u", out);
    swap(s, "oo", "u", out);
    swap(s, "ai", "ei", out);
    swap(s, "ai", "ay", out);
    swap(s, "ei", "ay", out);
    int ee = s.indexOf("ee");
    if (ee >= 0) {
      out.add(s.substring(0, ee) + "i" + s.substring(ee + 2)); // Hakeem → Hakim (not the other way: «i» is everywhere)
    }
    int v = firstVowel(s);
    if (v >= 0) {
      for (char c : new char[] {'a', 'u', 'o', 'e', 'i'}) {
        if (s.charAt(v) != c && "auo".indexOf(s.charAt(v)) >= 0 == "auo".indexOf(c) >= 0) {
          out.add(s.substring(0, v) + c + s.substring(v + 1));
        }
      }
    }
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) == s.charAt(i - 1)) {
        out.add(s.substring(0, i) + s.substring(i + 1)); // Fayyadh → Fayadh, Jaafari → Jafari
      } else if (i + 1 < s.length() && "bdlmnrsty".indexOf(s.charAt(i)) >= 0 && "aeiou".indexOf(s.charAt(i - 1)) >= 0
          && "aeiou".indexOf(s.charAt(i + 1)) >= 0) {
        out.add(s.substring(0, i + 1) + s.substring(i)); // Abadi → Abbadi (a shadda written or not)
      }
    }
    if (s.startsWith("q")) {
      out.add("k" + s.substring(1));
    } else if (s.startsWith("k") && !s.startsWith("kh")) {
      out.add("q" + s.substring(1));
    }
    if (s.endsWith("i")) {
      out.add(s.substring(0, s.length() - 1) + "y");
    } else if (s.endsWith("y")) {
      out.add(s.substring(0, s.length() - 1) + "i");
    }
    out.remove(s);
    return out;
  }

  /** Each occurrence of a, one at a time, replaced by b (and b by a). */
  private static void swap(String s, String a, String b, Set<String> out) {
    for (String[] p : new String[][] {{a, b}, {b, a}}) {
      int i = s.indexOf(p[0]);
      while (i >= 0) {
        out.add(s.substring(0, i) + p[1] + s.substring(i + p[0].length()));
        i = s.indexOf(p[0], i + 1);
      }
    }
  }

  private static int firstVowel(String s) {
    for (int i = 0; i < s.length(); i++) {
      if ("aeiou".indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
