package ru.vpr.generate;

/** A district or city okrug; {@code effect} shifts the ability of all its pupils. */
record Municipality(String code, String name, boolean cityOkrug, String town, double effect) {}
