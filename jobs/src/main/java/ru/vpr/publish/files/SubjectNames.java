package ru.vpr.publish.files;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Russian names of subject codes, for what people read. The contract's list (§2.2) is the default;
 * the names a region gives in {@code specs/subjects.csv} take precedence.
 */
public final class SubjectNames {
  private static final Map<String, String> CONTRACT;

  static {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("ru", "Русский язык");
    names.put("ma", "Математика");
    names.put("ok", "Окружающий мир");
    names.put("lr", "Литературное чтение");
    names.put("li", "Литература");
    names.put("hi", "История");
    names.put("ob", "Обществознание");
    names.put("ge", "География");
    names.put("bi", "Биология");
    names.put("ph", "Физика");
    names.put("ch", "Химия");
    names.put("in", "Информатика");
    names.put("en", "Английский язык");
    names.put("de", "Немецкий язык");
    names.put("fr", "Французский язык");
    names.put("ma_adv", "Математика (углублённая)");
    names.put("ph_adv", "Физика (углублённая)");
    CONTRACT = Collections.unmodifiableMap(names);
  }

  private final Map<String, String> names;

  private SubjectNames(Map<String, String> names) {
    this.names = names;
  }

  /** The contract's names (§2.2). */
  public static SubjectNames contract() {
    return new SubjectNames(CONTRACT);
  }

  /** These names with the given ones (e.g. {@code SpecCatalog.subjectNames()}) taking precedence. */
  public SubjectNames with(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(names);
    overrides.forEach((code, name) -> {
      if (code != null && name != null && !name.isBlank()) merged.put(code, name.trim());
    });
    return new SubjectNames(Collections.unmodifiableMap(merged));
  }

  /** The Russian name; an unknown code is returned as it is rather than hidden. */
  public String russian(String code) {
    if (code == null) return null;
    return names.getOrDefault(code, code);
  }
}
