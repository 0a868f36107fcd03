/**
 * Row-level checks of a form against the work's spec (contract §1.1, §1.3): what a cell may hold, class
 * names, task columns, duplicate codes. File-level decisions are made in {@link ru.vpr.ingest.FormProcessor}.
 */
package ru.vpr.ingest.validate;
