package ru.vpr.publish;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.publish.model.FlaggedUnit;
import ru.vpr.publish.model.LowResultSchool;
import ru.vpr.publish.model.Municipality;
import ru.vpr.publish.model.PartnerSchool;
import ru.vpr.publish.model.RecheckOutcome;
import ru.vpr.publish.model.RecheckPrecision;
import ru.vpr.publish.model.RecheckWork;
import ru.vpr.publish.model.RiskTrend;
import ru.vpr.publish.model.RiskZoneList;

/**
 * Collects what the Russian list of one year holds from the publication's datasets. Everything here
 * is class- or school-level and already cut to flagged units, samples and summaries: a few thousand
 * rows for a large region.
 */
final class RiskZoneCollector {
  private final Publication publication;
  private final Map<String, String> schoolNames;
  private final List<Municipality> municipalities;

  RiskZoneCollector(Publication publication, Map<String, String> schoolNames, List<Municipality> municipalities) {
    this.publication = publication;
    this.schoolNames = schoolNames;
    this.municipalities = municipalities;
  }

  RiskZoneList collect(int year) {
    return new RiskZoneList(year, municipalities,
        flagged(publication.riskSchools(), year, false), flagged(publication.riskClasses(), year, true),
        recheck(year), partners(year), lowResults(year), outcomes(year), precision(year), trend(year));
  }

  /** Flagged units of the year, riskiest first (the workbook orders a municipality's schools itself). */
  List<FlaggedUnit> flagged(Dataset<Row> units, int year, boolean classes) {
    List<FlaggedUnit> out = new ArrayList<>();
    for (Row r : ofYear(units, year).where(col("flagged")).orderBy("risk_rank").collectAsList()) {
      out.add(new FlaggedUnit(year, Rows.text(r, "subject"), Rows.integer(r, "grade"), Rows.text(r, "municipality_code"),
          Rows.text(r, "login"), name(Rows.text(r, "login")), classes ? Rows.text(r, "class") : null, Rows.whole(r, "written"),
          Rows.decimal(r, "risk_score"), Rows.integer(r, "risk_rank"), Rows.codes(r, "reasons"),
          classes ? null : Rows.text(r, "evidence"), classes ? null : Rows.nullableDecimal(r, "pushed")));
    }
    return out;
  }

  private List<RecheckWork> recheck(int year) {
    List<RecheckWork> out = new ArrayList<>();
    for (Row r : ofYear(publication.sample(), year).orderBy("municipality_code", "reason", "pick").collectAsList()) {
      out.add(new RecheckWork(year, Rows.text(r, "subject"), Rows.integer(r, "grade"), Rows.text(r, "municipality_code"),
          Rows.text(r, "login"), name(Rows.text(r, "login")), Rows.text(r, "class"), Rows.text(r, "code"), Rows.codes(r, "reason")));
    }
    return out;
  }

  private List<PartnerSchool> partners(int year) {
    List<PartnerSchool> out = new ArrayList<>();
    for (Row r : ofYear(publication.partners(), year).orderBy("login", "rank").collectAsList()) {
      out.add(new PartnerSchool(year, Rows.text(r, "municipality_code"), Rows.text(r, "login"), Rows.integer(r, "rank"),
          Rows.text(r, "partner_login"), Rows.text(r, "partner_name"), Rows.text(r, "partner_municipality_code"),
          Rows.text(r, "basis"), Rows.decimal(r, "level")));
    }
    return out;
  }

  private List<LowResultSchool> lowResults(int year) {
    List<LowResultSchool> out = new ArrayList<>();
    for (Row r : ofYear(publication.lowResults(), year).orderBy("municipality_code", "login").collectAsList()) {
      out.add(new LowResultSchool(year, Rows.text(r, "municipality_code"), Rows.text(r, "login"), Rows.text(r, "school_name"),
          Rows.text(r, "subjects"), Rows.decimal(r, "max_share_2"), Rows.text(r, "reasons_text")));
    }
    return out;
  }

  private List<RecheckOutcome> outcomes(int year) {
    List<RecheckOutcome> out = new ArrayList<>();
    for (Row r : ofYear(publication.outcomes(), year).orderBy("municipality_code", "login", "subject", "grade").collectAsList()) {
      out.add(new RecheckOutcome(year, Rows.text(r, "subject"), Rows.integer(r, "grade"), Rows.text(r, "municipality_code"),
          Rows.text(r, "login"), Rows.text(r, "school_name"), Rows.text(r, "selected_as"), Rows.whole(r, "works"),
          Rows.whole(r, "objective_works"), Rows.decimal(r, "objective_share"), Rows.whole(r, "points_removed"),
          Rows.whole(r, "points_added"), Rows.text(r, "verdict"), Rows.flag(r, "inflated")));
    }
    return out;
  }

  List<RecheckPrecision> precision(int year) {
    List<RecheckPrecision> out = new ArrayList<>();
    for (Row r : ofYear(publication.precision(), year).orderBy(col("municipality_code").asc_nulls_first(), col("selected_as"))
        .collectAsList()) {
      out.add(new RecheckPrecision(year, Rows.text(r, "municipality_code"), Rows.text(r, "selected_as"), Rows.whole(r, "schools"),
          Rows.whole(r, "inflated"), Rows.nullableDecimal(r, "share")));
    }
    return out;
  }

  /** The risk zone of every municipality and the region, every year up to this one, oldest first. */
  List<RiskTrend> trend(int year) {
    List<RiskTrend> out = new ArrayList<>();
    for (Row r : publication.dynamics().where(col("year").leq(year))
        .orderBy(col("municipality_code").asc_nulls_first(), col("year")).collectAsList()) {
      out.add(new RiskTrend(Rows.integer(r, "year"), Rows.text(r, "municipality_code"), Rows.whole(r, "schools_scored"),
          Rows.whole(r, "flagged"), Rows.whole(r, "flagged_again"), Rows.whole(r, "left"), Rows.whole(r, "entered"),
          Rows.nullableDecimal(r, "slope")));
    }
    return out;
  }

  private String name(String login) {
    return schoolNames.getOrDefault(login, login);
  }

  private static Dataset<Row> ofYear(Dataset<Row> rows, int year) {
    return rows.where(col("year").equalTo(year));
  }
}
