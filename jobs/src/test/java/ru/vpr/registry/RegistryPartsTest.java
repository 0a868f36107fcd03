package ru.vpr.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.vpr.reference.School;
import ru.vpr.reference.SchoolRegistry;

class RegistryPartsTest {

  @ParameterizedTest(name = "«{0}» is the same municipality as «{1}»")
  @CsvSource(delimiter = '|', value = {
      "Алейский район | Алейский муниципальный район", "г. Алейск | город Алейск", "г.Барнаул | город Барнаул",
      "Залесовский муниципальный округ | Залесовский район", "Краснощёковский район | Краснощековский муниципальный район",
  })
  void municipalityNamesMatchAcrossSources(String a, String b) {
    assertEquals(MunicipalityNames.key(a), MunicipalityNames.key(b));
  }

  @Test
  void municipalityCodesInFisOkosForm() {
    assertEquals("reg22_m004", MunicipalityNames.code("reg22_vpr_m004"));
    assertEquals("reg22_m019", MunicipalityNames.code("reg22_m019"));
    assertEquals("", MunicipalityNames.code("Красногорский"));
    assertEquals("reg22_m004", MunicipalityNames.codeInTags("22-RU-ALT,EAST,VPR_22,reg22_vpr_m004,reg22_vpr.2017.m004,vpr.2017.r22"));
    assertEquals("mo_gorod_aleysk", MunicipalityNames.inferredCode("г. Алейск"));
  }

  @ParameterizedTest(name = "«{0}» is {1}")
  @CsvSource(delimiter = '|', value = {
      "МБОУ Гимназия №85 | гимназия", "МБОУ Лицей №24 | лицей", "КГБОУ Бийский лицей-интернат Алтайского края | лицей",
      "МКОУ Фирсовская ООШ | ООШ", "МОУ Кругло-Семенцовская НОШ | НОШ", "МБОУ СОШ №56 | СОШ",
      "МБОУ КСОШ № 5 | СОШ", "МБОУ\" ХабарскаяСОШ №1\" | СОШ", "МБОУ Шипуновская CОШ №1 | СОШ",
      "МБОУ Усть-Волчихинская СШ | СОШ", "МБОУ СОШ с УИОП №3 | СОШ с УИОП",
      "МБОУ «СОШ с углублённым изучением отдельных предметов» | СОШ с УИОП",
      "КГБПОУ Алтайский транспортный техникум | СПО", "КГБОУ Озерская ОШИ | школа-интернат",
      "Краевое ... для обучающихся с ограниченными возможностями здоровья Алейская общеобразовательная школа-интернат | коррекционная",
      "МБОУ Барнаульский кадетский корпус | кадетский корпус", "МБОУ «Центр образования №5» | ЦО",
      "МБОУ «Вечерняя (сменная) общеобразовательная школа» | вечерняя", "Учреждение номер один | не определён",
  })
  void kindFromTheName(String name, String kind) {
    assertEquals(kind, SchoolKinds.kindOf(name));
  }

  @ParameterizedTest(name = "«{0}» in «{1}» is in a {2}")
  @CsvSource(delimiter = '|', value = {
      "МБОУ СОШ №7 | г. Алейск | город", "МКОУ Фирсовская ООШ | Первомайский район | село",
      "МКОУ СОШ с. Садовое | город Бийск | село", "МБОУ СОШ № 1 г. Змеиногорска | Змеиногорский район | город",
      "КГБПОУ Алтайский колледж | Алтайский край (региональное подчинение) | город",
  })
  void localityFromTheNameThenTheMunicipality(String name, String municipality, String locality) {
    assertEquals(locality, SchoolKinds.localityOf(name, municipality, SchoolKinds.kindOf(name)));
  }

  @Test
  void buildsFromExportsAndAListAndKeepsWhatWasGiven() {
    SchoolRegistry existing = new SchoolRegistry(List.of(
        new School("sch000001", "Given school", "m1", "Given district", School.CITY, "лицей")));
    List<SchoolSighting> sightings = List.of(
        // Given before: the export's other view of it changes nothing.
        new SchoolSighting("sch000001", "", "reg22_m009", "Другой район", "export_2021"),
        // 2022 export: code and name.
        new SchoolSighting("edu000002", "МКОУ \"Усть-Кажинская СОШ\"", "reg22_m019", "Красногорский муниципальный район", "fis_oko_export"),
        // 2020 export: the code by tag; 2021 export and the list: the name. The code links them.
        new SchoolSighting("sch000003", "", "reg22_m019", "", "raw_export"),
        new SchoolSighting("sch000003", "", "", "Красногорский муниципальный район", "export_2021"),
        new SchoolSighting("sch000003", "МБОУ Гимназия №1", "", "Красногорский район", SchoolSighting.LIST),
        // Only a name: the code comes from the other schools of that municipality.
        new SchoolSighting("sch000004", "МКОУ Береговая ООШ", "", "Красногорский район", SchoolSighting.LIST),
        // A municipality no source codes: a code is made from its name.
        new SchoolSighting("sch000005", "МБОУ СОШ №1", "", "г. Новый", SchoolSighting.LIST),
        // A school form's login and nothing else.
        new SchoolSighting("edu000006", "", "", "", "school_form"));
    RegistryBuilder.Built built = RegistryBuilder.build(existing, sightings);
    assertEquals(1, built.kept());
    assertEquals(5, built.added());
    SchoolRegistry r = built.registry();
    assertEquals(existing.school("sch000001"), r.school("sch000001"));
    assertEquals(new School("edu000002", "МКОУ \"Усть-Кажинская СОШ\"", "reg22_m019", "Красногорский муниципальный район",
        School.VILLAGE, "СОШ", "locality|kind"), r.school("edu000002").orElseThrow());
    School gymnasium = r.school("sch000003").orElseThrow();
    assertEquals("reg22_m019", gymnasium.municipalityCode());
    assertEquals("Красногорский муниципальный район", gymnasium.municipalityName(), "the export's full name wins over the list's");
    assertEquals("гимназия", gymnasium.kind());
    School byName = r.school("sch000004").orElseThrow();
    assertEquals("reg22_m019", byName.municipalityCode());
    assertTrue(byName.inferred().contains("municipality_code"));
    School madeUp = r.school("sch000005").orElseThrow();
    assertEquals("mo_gorod_novyy", madeUp.municipalityCode());
    assertEquals(School.CITY, madeUp.locality());
    assertEquals(1, built.withInferredCode());
    School bare = r.school("edu000006").orElseThrow();
    assertEquals("edu000006", bare.name());
    assertEquals("", bare.municipalityCode());
    assertTrue(bare.inferred().contains("name") && bare.inferred().contains("municipality_name"));
    assertEquals(1, built.withUnknownMunicipality());
  }
}
