package org.safepassage.evidence.csv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVRecord;
import org.safepassage.evidence.csv.CsvImport.PlannedIncident;
import org.safepassage.evidence.csv.CsvImport.Problem;
import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.ReportContent;
import org.safepassage.evidence.forms.IncidentForm;
import org.safepassage.evidence.forms.ReportForm;
import org.safepassage.evidence.store.LinkedPetitions;
import org.safepassage.shared.SpreadsheetCells;
import org.safepassage.shared.validation.EnumNames;
import org.springframework.context.MessageSource;

/**
 * The rows of one file, checked one by one with the same rules as the forms and grouped
 * into incidents by their {@code incident} column: the first row of an incident describes
 * it, the others must repeat that description, and each row may add one source's report.
 */
final class CsvRows {

	private final Validator validator;

	private final LinkedPetitions petitions;

	private final MessageSource messages;

	private final Locale locale;

	private final Map<String, Group> groups = new LinkedHashMap<>();

	private final List<Problem> problems = new ArrayList<>();

	private final List<Problem> flagged = new ArrayList<>();

	CsvRows(Validator validator, LinkedPetitions petitions, MessageSource messages, Locale locale) {
		this.validator = validator;
		this.petitions = petitions;
		this.messages = messages;
		this.locale = locale;
	}

	/** Every problem found so far, row by row. */
	List<Problem> problems() {
		return List.copyOf(this.problems);
	}

	/** Figures that will be kept as text for a researcher to read. */
	List<Problem> flagged() {
		return List.copyOf(this.flagged);
	}

	/**
	 * The incidents in the order of their first rows; only meaningful without problems.
	 */
	List<PlannedIncident> planned() {
		return this.groups.values().stream().map(Group::planned).toList();
	}

	void check(CSVRecord record, long line) {
		Row row = new Row(record, line);
		String key = row.get("incident");
		if (key == null) {
			this.problems
				.add(new Problem(line, "incident", message("jakarta.validation.constraints.NotBlank.message")));
			return;
		}
		Group group = this.groups.get(key);
		if (group == null) {
			group = firstRow(row);
			this.groups.put(key, group);
		}
		else {
			for (String column : CsvColumns.INCIDENT) {
				if (!Objects.equals(group.first.get(column), row.get(column))) {
					this.problems
						.add(new Problem(line, column, message("evidence.import.differs", key, group.first.line)));
				}
			}
		}
		if (row.hasReport()) {
			report(row, group);
		}
	}

	private Group firstRow(Row row) {
		IncidentForm form = row.incidentForm();
		List<Problem> found = violations(form, CsvColumns.INCIDENT_FIELDS, row.line);
		IncidentState state = row.get("state") == null ? IncidentState.DRAFT
				: EnumNames.find(IncidentState.class, row.get("state")).orElse(null);
		if (state == null) {
			found.add(new Problem(row.line, "state", message("evidence.state.invalid")));
		}
		List<Long> petitionIds = petitionIds(row, found);
		this.problems.addAll(found);
		return new Group(row, found.isEmpty() ? form.toContent() : null, state, petitionIds);
	}

	private void report(Row row, Group group) {
		ReportForm report = row.reportForm();
		List<Problem> found = violations(report, CsvColumns.REPORT_FIELDS, row.line);
		String organisation = report.organisation() == null ? ""
				: report.organisation().strip().toLowerCase(Locale.ROOT);
		Long earlier = group.organisations.putIfAbsent(organisation, row.line);
		if (earlier != null) {
			found.add(new Problem(row.line, "organisation", message("evidence.import.duplicateSource", earlier)));
		}
		this.problems.addAll(found);
		if (found.isEmpty()) {
			ReportContent content = report.toContent();
			group.reports.add(content);
			if (!content.figure().readable()) {
				this.flagged
					.add(new Problem(row.line, "figure", message("evidence.import.flagged", content.figure().text())));
			}
		}
	}

	private List<Long> petitionIds(Row row, List<Problem> found) {
		String value = row.get("petition_ids");
		if (value == null) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>();
		for (String part : value.split("[;,\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			Long id = part.matches("\\d{1,12}") ? Long.valueOf(part) : null;
			if (id == null || !this.petitions.allExist(List.of(id))) {
				found.add(new Problem(row.line, "petition_ids", message("evidence.petition.unknown", part)));
			}
			else {
				ids.add(id);
			}
		}
		return ids.stream().distinct().toList();
	}

	/** Each problem names the column the form's field was read from. */
	private <T> List<Problem> violations(T form, Map<String, String> columns, long line) {
		List<Problem> found = new ArrayList<>();
		Set<ConstraintViolation<T>> violations = this.validator.validate(form);
		for (ConstraintViolation<T> v : violations) {
			String field = v.getPropertyPath().toString();
			found.add(new Problem(line, columns.getOrDefault(field, field), v.getMessage()));
		}
		found.sort(Comparator.comparing(Problem::column));
		return found;
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, this.locale);
	}

	/**
	 * One incident's rows: the first row's incident columns, and the reports collected so
	 * far.
	 */
	private static final class Group {

		final Row first;

		final IncidentContent content;

		final IncidentState state;

		final List<Long> petitionIds;

		final List<ReportContent> reports = new ArrayList<>();

		final Map<String, Long> organisations = new HashMap<>();

		Group(Row first, IncidentContent content, IncidentState state, List<Long> petitionIds) {
			this.first = first;
			this.content = content;
			this.state = state;
			this.petitionIds = petitionIds;
		}

		PlannedIncident planned() {
			return new PlannedIncident(first.line, content, state, petitionIds, List.copyOf(reports));
		}

	}

	private record Row(CSVRecord record, long line) {

		/** Null for an empty or absent column. */
		String get(String column) {
			if (!record.isMapped(column) || !record.isSet(column)) {
				return null;
			}
			String value = SpreadsheetCells.unprotect(record.get(column));
			return value.isBlank() ? null : value;
		}

		boolean hasReport() {
			return CsvColumns.REPORT.stream().anyMatch(c -> get(c) != null);
		}

		IncidentForm incidentForm() {
			return new IncidentForm(get("kind"), get("title"), get("date_precision"), get("date"), get("date_to"),
					get("place"), get("place_precision"), get("departure_country"), get("return_country"),
					get("summary"), get("tags"), List.of());
		}

		ReportForm reportForm() {
			return new ReportForm(get("organisation"), get("report_title"), get("url"), get("published_on"),
					get("figure"), get("figure_low"), get("figure_high"), get("quote"), get("reliability"),
					get("note"));
		}
	}

}
