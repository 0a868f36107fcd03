package ru.vpr.bench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import ru.vpr.bench.parse.ParseTotals;
import ru.vpr.bench.parse.PlainParse;

@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
        "Reads every landing file in one thread with the ingest's own form readers and does nothing else:",
        "the floor for reading the input. Prints files, bytes, rows, cells and a checksum of the numbers."})
final class ParseCommand implements Callable<Integer> {
  @Mixin DataSet data;

  @Override
  public Integer call() throws Exception {
    ParseTotals totals = new PlainParse().run(data.landing());
    System.out.print(totals.format());
    totals.properties().forEach((k, v) -> System.out.println("parse." + k + "=" + v));
    return 0;
  }
}
