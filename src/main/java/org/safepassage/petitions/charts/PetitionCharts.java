package org.safepassage.petitions.charts;

/** The charts of one petition's public page. */
public record PetitionCharts(DailyChart daily, CountryChart countries) {
}
