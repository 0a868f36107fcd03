package ru.vpr.publish.model;

/** A municipality of the region: its code and name from the school registry. */
public record Municipality(String code, String name) {}
