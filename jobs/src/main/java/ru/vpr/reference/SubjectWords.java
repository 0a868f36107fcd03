package ru.vpr.reference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a subject named in Russian text, as FIS OKO names files and folders: {@code Математика.xlsx},
 * {@code Русскому языку.xlsx}, {@code Проведение работы по окружающему миру, 4 класс}. Matching is by word
 * stem, so the nominative, dative, genitive and prepositional forms all match ({@code истори} is история,
 * истории, историю), and only at the start of a word ({@code биохимия} is not химия). The longer names are
 * tried first: {@code литературное чтение} before {@code литература}, {@code математика (углублённая)}
 * before {@code математика}.
 */
public final class SubjectWords {
  private record Stem(String subject, Pattern pattern) {}

  private static final List<Stem> STEMS = List.of(
      stem("ma_adv", "математик.*углубл"), stem("ph_adv", "физик.*углубл"),
      stem("lr", "литературн\\S*\\s+чтени"), stem("ok", "окружающ\\S*\\s+мир"),
      stem("ru", "русск"), stem("ma", "математик"), stem("li", "литератур"), stem("hi", "истори"),
      stem("ob", "обществозн"), stem("ge", "географ"), stem("bi", "биолог"), stem("ph", "физик"),
      stem("ch", "хими"), stem("in", "информатик"), stem("en", "английск"), stem("de", "немецк"),
      stem("fr", "французск"));

  private SubjectWords() {}

  private static Stem stem(String subject, String regex) {
    return new Stem(subject, Pattern.compile("(?<![\\p{L}])" + regex));
  }

  /** The subject code the text names, or empty when it names none. */
  public static Optional<String> find(String text) {
    if (text == null) return Optional.empty();
    String normal = text.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('_', ' ');
    for (Stem stem : STEMS) {
      if (stem.pattern().matcher(normal).find()) return Optional.of(stem.subject());
    }
    return Optional.empty();
  }
}
