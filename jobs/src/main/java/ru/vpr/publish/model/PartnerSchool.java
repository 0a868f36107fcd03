package ru.vpr.publish.model;

/**
 * A school suggested as a partner of a flagged school: stably high results and no flags in recent
 * years.
 *
 * @param rank 1 = best suggestion (1..3)
 * @param basis {@code municipality} (same municipality) or {@code peer_group} (similar school elsewhere)
 * @param level the partner's mean result above the region over recent years, in standard deviations
 */
public record PartnerSchool(int year, String municipalityCode, String login, int rank, String partnerLogin,
    String partnerName, String partnerMunicipalityCode, String basis, double level) {}
