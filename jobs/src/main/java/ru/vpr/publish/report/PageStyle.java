package ru.vpr.publish.report;

/** The page's stylesheet, inline so the file is self-contained; fonts the machines here have first. */
final class PageStyle {
  static final String CSS = """
      *{box-sizing:border-box}
      body{margin:0;background:#eef1f5;color:#27313b;font:15px/1.5 "DejaVu Sans","Segoe UI",Arial,sans-serif}
      .page{max-width:1220px;margin:0 auto;padding:24px}
      header.top{background:#1f5a96;background:linear-gradient(135deg,#1f5a96,#15406b);color:#fff;border-radius:12px;padding:26px 32px 22px;margin:0 0 16px}
      header.top .kicker{text-transform:uppercase;letter-spacing:.08em;font-size:12px;opacity:.85;margin:0}
      header.top h1{font-size:27px;line-height:1.25;margin:6px 0 6px}
      header.top .unit{font-size:17px;margin:0;opacity:.95}
      nav.toc{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 16px}
      nav.toc a{background:#fff;color:#1f5a96;text-decoration:none;border-radius:16px;padding:4px 14px;font-size:13px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
      section{background:#fff;border-radius:12px;padding:22px 28px;margin:0 0 18px;box-shadow:0 1px 3px rgba(20,40,60,.08)}
      section.figures{display:grid;grid-template-columns:repeat(5,1fr);gap:14px;background:none;box-shadow:none;padding:0}
      .card{background:#fff;border-radius:12px;padding:14px 18px;box-shadow:0 1px 3px rgba(20,40,60,.08);border-top:4px solid #1f5a96}
      .card .value{font-size:30px;font-weight:bold;color:#1f5a96;line-height:1.2}
      .card .label{font-weight:bold;font-size:14px;margin-top:2px}
      .card .note{font-size:12.5px;color:#5f6b77;margin-top:2px}
      h2{font-size:22px;color:#15406b;margin:0 0 12px}
      h3{font-size:17px;margin:20px 0 6px}
      .caution{background:#fff7e6;border-left:4px solid #f2b25c;border-radius:6px;padding:10px 16px;margin:0 0 14px;font-size:14px}
      .lead{font-size:16px;margin:4px 0 14px}
      .explain{color:#5f6b77;font-size:13.5px;margin:6px 0 12px}
      .more{color:#5f6b77;font-size:13.5px;font-style:italic}
      .empty{color:#5f6b77;font-style:italic}
      .facts{margin:0 0 10px;color:#3b4650}
      table{border-collapse:collapse;width:100%;font-size:14px;margin:6px 0 10px}
      th{text-align:left;background:#f2f4f7;color:#3b4650;padding:8px 10px;border-bottom:2px solid #d5dbe1;vertical-align:bottom;font-size:13px}
      td{padding:7px 10px;border-bottom:1px solid #e6eaee;vertical-align:top}
      tbody tr:nth-child(even){background:#fafbfc}
      .num{text-align:right}
      td.num{white-space:nowrap}
      .sub{color:#6b7785;font-size:12px}
      ul.reasons{margin:0;padding-left:16px}
      ul.reasons li{margin:0 0 2px}
      figure{margin:0;min-width:0}
      figcaption{font-weight:bold;font-size:14px;margin:0 0 4px;color:#3b4650}
      figcaption span{font-weight:normal;color:#6b7785;font-size:12.5px;white-space:nowrap}
      .grid2{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:22px;align-items:start}
      .grid3{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:14px}
      .grid3 figure{border:1px solid #e4e8ed;border-radius:8px;padding:10px 10px 4px;display:flex;flex-direction:column}
      .grid3 figcaption{flex:1 0 auto}
      figure.wide{margin-top:14px}
      svg.chart{display:block;width:100%;height:auto;overflow:visible}
      article{border-top:1px solid #e4e8ed;margin-top:18px;padding-top:2px}
      article:first-of-type{border-top:none;margin-top:0}
      td.share,td.nowrap{white-space:nowrap}
      .meter{display:inline-block;width:90px;height:10px;background:#e4e8ed;border-radius:5px;margin-right:8px;vertical-align:middle;overflow:hidden}
      .meter span{display:block;height:100%;background:#1f5a96}
      footer{color:#5f6b77;font-size:13px;padding:4px 8px 24px}
      @media (max-width:900px){.grid2,.grid3{grid-template-columns:1fr}section.figures{grid-template-columns:repeat(2,1fr)}}
      @media print{body{background:#fff}.page{padding:0}section,.card{box-shadow:none;border:1px solid #d5dbe1}nav.toc{display:none}article,figure{break-inside:avoid}}
      """;

  private PageStyle() {}
}
