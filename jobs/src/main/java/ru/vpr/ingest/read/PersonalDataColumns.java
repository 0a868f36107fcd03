package ru.vpr.ingest.read;

import java.util.Set;

/**
 * Recognises columns that hold pupils' personal data. Only codes may leave the school, so a form with
 * such a column is refused whole. Matching is by word, so {@code Имя} is caught in {@code Фамилия, имя}
 * and {@code Имя участника} but {@code Наименование класса} is not.
 */
public final class PersonalDataColumns {
  private static final Set<String> WORDS = Set.of("фио", "имя", "снилс");
  private static final String[] WORD_STEMS = {"фамили", "отчеств"};

  private PersonalDataColumns() {}

  public static boolean isPersonalData(String header) {
    String name = HeaderText.normalise(header);
    if (name.contains("дата рожд") || name.startsWith("ф.и.о") || name.startsWith("ф. и. о")) return true;
    for (String word : name.split("[^\\p{L}]+")) {
      if (WORDS.contains(word)) return true;
      for (String stem : WORD_STEMS) {
        if (word.startsWith(stem)) return true;
      }
    }
    return false;
  }
}
