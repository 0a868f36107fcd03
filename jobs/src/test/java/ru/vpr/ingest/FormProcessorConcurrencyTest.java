package ru.vpr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Executors call the processor from many task threads at once: outcomes must not depend on that. */
class FormProcessorConcurrencyTest {

  @Test
  void parallelCallsGiveTheSameOutcomesAsSequentialOnes() {
    List<FormFile> files = List.of(
        TestForms.schoolForm("edu100001.csv", TestForms.utf8(TestForms.HEADER,
            "1001;М;1;2;1;1;2;4;5А;5;", "1002;Ж;2;1;X;0;1;3;5Б;9;", "1001;М;1;2;1;1;2;4;5А;;")),
        TestForms.schoolForm("edu100002.xlsx", TestForms.xlsx(Map.of("Протокол", List.of(
            Arrays.asList("Код", "Вариант", "1 (2б)", "2 (1б)", "3.1 (1б)", "3.2 (2б)", "4К1 (4б)", "Класс"),
            Arrays.asList(1001, 1, 2, 1, 1, 2, 4, "5А"),
            Arrays.asList(1002, 1, 2.5, 1, 1, 2, 4, "5А"))))),
        TestForms.schoolForm("edu100002.xlsx", "garbage".getBytes()));
    List<FormOutcome> sequential = files.stream().map(f -> FormProcessor.process(f, TestForms.REFERENCE)).toList();
    IntStream.range(0, 200).parallel().forEach(i -> {
      int which = i % files.size();
      assertEquals(sequential.get(which), FormProcessor.process(files.get(which), TestForms.REFERENCE));
    });
  }
}
