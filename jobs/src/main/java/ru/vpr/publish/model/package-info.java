/**
 * What publish hands to the writers of files for people (the xlsx list and the HTML reports): small
 * class- and school-level rows collected on the driver, never pupil-level data other than the few
 * works chosen for re-checking. Text in these records comes from input files as it was read; every
 * writer neutralises it for its format.
 */
package ru.vpr.publish.model;
