package org.safepassage.evidence.csv;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CSV format shared by import and export: one row per source report, the incident's
 * columns repeated on each of its rows and tied together by the {@code incident} column.
 * An incident without reports is one row with empty report columns.
 */
final class CsvColumns {

	static final List<String> INCIDENT = List.of("incident", "kind", "title", "date_precision", "date", "date_to",
			"place", "place_precision", "departure_country", "return_country", "summary", "tags", "state",
			"petition_ids");

	static final List<String> REPORT = List.of("organisation", "report_title", "url", "published_on", "figure",
			"figure_low", "figure_high", "quote", "reliability", "note");

	/**
	 * Written by the export for readers; an import ignores them, as the figure is derived
	 * again.
	 */
	static final List<String> DERIVED = List.of("reconciled_low", "reconciled_best", "reconciled_high", "sources");

	static final List<String> REQUIRED = List.of("incident", "kind", "title", "date_precision", "date", "place",
			"place_precision", "departure_country", "return_country", "summary");

	static final List<String> ALL = Stream.of(INCIDENT, REPORT, DERIVED).flatMap(List::stream).toList();

	/** The column each field of the incident form is read from. */
	static final Map<String, String> INCIDENT_FIELDS = Map.ofEntries(Map.entry("kind", "kind"),
			Map.entry("title", "title"), Map.entry("datePrecision", "date_precision"), Map.entry("date", "date"),
			Map.entry("dateTo", "date_to"), Map.entry("place", "place"), Map.entry("placePrecision", "place_precision"),
			Map.entry("departureCountry", "departure_country"), Map.entry("returnCountry", "return_country"),
			Map.entry("summary", "summary"), Map.entry("tags", "tags"));

	/** The column each field of the report form is read from. */
	static final Map<String, String> REPORT_FIELDS = Map.ofEntries(Map.entry("organisation", "organisation"),
			Map.entry("title", "report_title"), Map.entry("url", "url"), Map.entry("publishedOn", "published_on"),
			Map.entry("figure", "figure"), Map.entry("low", "figure_low"), Map.entry("high", "figure_high"),
			Map.entry("quote", "quote"), Map.entry("reliability", "reliability"), Map.entry("note", "note"));

	private CsvColumns() {
	}

}
