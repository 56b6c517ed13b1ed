package org.safepassage.evidence.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.safepassage.evidence.domain.Incident;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.SourceReport;
import org.safepassage.evidence.forms.IncidentForm;
import org.safepassage.evidence.forms.ReportForm;
import org.safepassage.evidence.store.LinkedPetitions;
import org.safepassage.shared.validation.EnumNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads a CSV file of incidents and reports and checks every row with the same rules as
 * the forms. The result lists every bad row with its line and reason; a plan with any
 * problem imports nothing.
 */
@Component
public class CsvImport {

	/**
	 * Spring's default limit for an uploaded file; a larger one is refused before it
	 * reaches us (413).
	 */
	static final int MAX_BYTES = 1024 * 1024;

	static final int MAX_ROWS = 5_000;

	private final Validator validator;

	private final LinkedPetitions petitions;

	private final MessageSource messages;

	CsvImport(Validator validator, LinkedPetitions petitions, MessageSource messages) {
		this.validator = validator;
		this.petitions = petitions;
		this.messages = messages;
	}

	/** Line 0 is the file as a whole. */
	record Problem(long line, String column, String message) {
	}

	public record PlannedIncident(long line, Incident.IncidentContent content, IncidentState state,
			List<Long> petitionIds, List<SourceReport.Content> reports) {
	}

	/**
	 * {@code flagged}: figures that will be kept as text for a researcher; allowed, but
	 * worth knowing.
	 */
	public record Plan(List<Problem> problems, List<PlannedIncident> incidents, int rows, List<Problem> flagged) {

		public boolean importable() {
			return problems.isEmpty() && !incidents.isEmpty();
		}

		public int reports() {
			return incidents.stream().mapToInt(i -> i.reports().size()).sum();
		}
	}

	public Plan check(byte[] file, Locale locale) {
		if (file.length > MAX_BYTES) {
			return fileProblem("evidence.import.tooLarge", locale);
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file))
				.toString();
		}
		catch (CharacterCodingException e) {
			return fileProblem("evidence.import.notUtf8", locale);
		}
		return check(text, locale);
	}

	public Plan check(String file, Locale locale) {
		String text = file.startsWith("\uFEFF") ? file.substring(1) : file;
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreHeaderCase(true)
			.setTrim(true)
			.get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
			List<String> missing = CsvColumns.REQUIRED.stream().filter(c -> !header.contains(c)).toList();
			List<String> unknown = header.stream().filter(c -> !CsvColumns.ALL.contains(c)).toList();
			if (!missing.isEmpty() || !unknown.isEmpty()) {
				List<Problem> problems = new ArrayList<>();
				if (!missing.isEmpty()) {
					problems.add(new Problem(1, "",
							message("evidence.import.missingColumns", locale, String.join(", ", missing))));
				}
				if (!unknown.isEmpty()) {
					problems.add(new Problem(1, "",
							message("evidence.import.unknownColumns", locale, String.join(", ", unknown))));
				}
				return new Plan(problems, List.of(), 0, List.of());
			}
			return rows(parser, locale);
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
			return fileProblem("evidence.import.malformed", locale);
		}
	}

	private Plan rows(CSVParser parser, Locale locale) {
		List<Problem> problems = new ArrayList<>();
		List<Problem> flagged = new ArrayList<>();
		Map<String, Group> groups = new LinkedHashMap<>();
		int rows = 0;
		// Inside the loop the parser has read up to the end of the current record, not
		// beyond.
		long previousEnd = parser.getCurrentLineNumber();
		for (CSVRecord record : parser) {
			long line = previousEnd + 1;
			previousEnd = parser.getCurrentLineNumber();
			if (++rows > MAX_ROWS) {
				problems.add(new Problem(line, "", message("evidence.import.tooManyRows", locale, MAX_ROWS)));
				break;
			}
			check(new Row(record, line), groups, problems, flagged, locale);
		}
		if (rows == 0) {
			problems.add(new Problem(0, "", message("evidence.import.empty", locale)));
		}
		problems.sort(Comparator.comparingLong(Problem::line));
		List<PlannedIncident> planned = problems.isEmpty() ? groups.values().stream().map(Group::planned).toList()
				: List.of();
		return new Plan(problems, planned, rows, flagged);
	}

	private void check(Row row, Map<String, Group> groups, List<Problem> problems, List<Problem> flagged,
			Locale locale) {
		String key = row.get("incident");
		if (key == null) {
			problems.add(new Problem(row.line, "incident",
					message("jakarta.validation.constraints.NotBlank.message", locale)));
			return;
		}
		Group group = groups.get(key);
		if (group == null) {
			IncidentForm form = row.incidentForm();
			List<Problem> found = violations(form, CsvColumns.INCIDENT_FIELDS, row.line, locale);
			IncidentState state = row.get("state") == null ? IncidentState.DRAFT
					: EnumNames.find(IncidentState.class, row.get("state")).orElse(null);
			if (state == null) {
				found.add(new Problem(row.line, "state", message("evidence.state.invalid", locale)));
			}
			List<Long> petitionIds = petitionIds(row, found, locale);
			problems.addAll(found);
			group = new Group(row, found.isEmpty() ? form.toContent() : null, state, petitionIds);
			groups.put(key, group);
		}
		else {
			for (String column : CsvColumns.INCIDENT) {
				if (!Objects.equals(group.first.get(column), row.get(column))) {
					problems.add(new Problem(row.line, column,
							message("evidence.import.differs", locale, key, group.first.line)));
				}
			}
		}
		if (row.hasReport()) {
			ReportForm report = row.reportForm();
			List<Problem> found = violations(report, CsvColumns.REPORT_FIELDS, row.line, locale);
			String organisation = report.organisation() == null ? ""
					: report.organisation().strip().toLowerCase(Locale.ROOT);
			Long earlier = group.organisations.putIfAbsent(organisation, row.line);
			if (earlier != null) {
				found.add(new Problem(row.line, "organisation",
						message("evidence.import.duplicateSource", locale, earlier)));
			}
			problems.addAll(found);
			if (found.isEmpty()) {
				SourceReport.Content content = report.toContent();
				group.reports.add(content);
				if (!content.figure().readable()) {
					flagged.add(new Problem(row.line, "figure",
							message("evidence.import.flagged", locale, content.figure().text())));
				}
			}
		}
	}

	private List<Long> petitionIds(Row row, List<Problem> problems, Locale locale) {
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
			if (id == null || !petitions.allExist(List.of(id))) {
				problems.add(new Problem(row.line, "petition_ids", message("evidence.petition.unknown", locale, part)));
			}
			else {
				ids.add(id);
			}
		}
		return ids.stream().distinct().toList();
	}

	/** Each problem names the column the form's field was read from. */
	private <T> List<Problem> violations(T form, Map<String, String> columns, long line, Locale locale) {
		List<Problem> problems = new ArrayList<>();
		Set<ConstraintViolation<T>> violations = validator.validate(form);
		for (ConstraintViolation<T> v : violations) {
			String field = v.getPropertyPath().toString();
			problems.add(new Problem(line, columns.getOrDefault(field, field), v.getMessage()));
		}
		problems.sort(Comparator.comparing(Problem::column));
		return problems;
	}

	private Plan fileProblem(String key, Locale locale) {
		return new Plan(List.of(new Problem(0, "", message(key, locale, MAX_BYTES / 1024 / 1024))), List.of(), 0,
				List.of());
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/**
	 * One incident's rows: the first row's incident columns, and the reports collected so
	 * far.
	 */
	private static final class Group {

		final Row first;

		final Incident.IncidentContent content;

		final IncidentState state;

		final List<Long> petitionIds;

		final List<SourceReport.Content> reports = new ArrayList<>();

		final Map<String, Long> organisations = new HashMap<>();

		Group(Row first, Incident.IncidentContent content, IncidentState state, List<Long> petitionIds) {
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
			String value = CsvColumns.unprotect(record.get(column));
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
					get("figure"), get("figure_low"), get("figure_high"), get("quote"),
					get("reliability") == null ? null : get("reliability"), get("note"));
		}
	}

}
