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
import java.util.List;
import java.util.Locale;

import jakarta.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.ReportContent;
import org.safepassage.evidence.store.EvidenceEditing;
import org.safepassage.evidence.store.LinkedPetitions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a CSV file of incidents and reports and checks every row with the same rules as
 * the forms ({@link CsvRows}). The result lists every bad row with its line and reason; a
 * plan with any problem imports nothing, a good plan is imported as a whole.
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

	private final EvidenceEditing editing;

	private final ImportUploads uploads;

	CsvImport(Validator validator, LinkedPetitions petitions, MessageSource messages, EvidenceEditing editing,
			ImportUploads uploads) {
		this.validator = validator;
		this.petitions = petitions;
		this.messages = messages;
		this.editing = editing;
		this.uploads = uploads;
	}

	/** Line 0 is the file as a whole. */
	record Problem(long line, String column, String message) {
	}

	public record PlannedIncident(long line, IncidentContent content, IncidentState state, List<Long> petitionIds,
			List<ReportContent> reports) {
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

		/** Every incident linked to these petitions instead of those the file names. */
		public Plan linkedTo(List<Long> petitionIds) {
			return new Plan(problems,
					incidents.stream()
						.map(i -> new PlannedIncident(i.line(), i.content(), i.state(), petitionIds, i.reports()))
						.toList(),
					rows, flagged);
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
		CsvRows checked = new CsvRows(validator, petitions, messages, locale);
		List<Problem> fileProblems = new ArrayList<>();
		int rows = 0;
		// Inside the loop the parser has read up to the end of the current record, not
		// beyond.
		long previousEnd = parser.getCurrentLineNumber();
		for (CSVRecord record : parser) {
			long line = previousEnd + 1;
			previousEnd = parser.getCurrentLineNumber();
			if (++rows > MAX_ROWS) {
				fileProblems.add(new Problem(line, "", message("evidence.import.tooManyRows", locale, MAX_ROWS)));
				break;
			}
			checked.check(record, line);
		}
		if (rows == 0) {
			fileProblems.add(new Problem(0, "", message("evidence.import.empty", locale)));
		}
		List<Problem> problems = new ArrayList<>(checked.problems());
		problems.addAll(fileProblems);
		problems.sort(Comparator.comparingLong(Problem::line));
		return new Plan(problems, problems.isEmpty() ? checked.planned() : List.of(), rows, checked.flagged());
	}

	/** All or nothing: one transaction for the whole file. */
	@Transactional
	public int importAll(Plan plan, String by) {
		for (PlannedIncident p : plan.incidents()) {
			editing.createIncident(p.content(), p.petitionIds(), p.state(), p.reports(), by);
		}
		return plan.incidents().size();
	}

	/**
	 * Imports a checked upload once: nothing when another request imported it meanwhile.
	 */
	@Transactional
	public int importUpload(long uploadId, Plan plan, String by) {
		return uploads.delete(uploadId) ? importAll(plan, by) : 0;
	}

	private Plan fileProblem(String key, Locale locale) {
		return new Plan(List.of(new Problem(0, "", message(key, locale, MAX_BYTES / 1024 / 1024))), List.of(), 0,
				List.of());
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
